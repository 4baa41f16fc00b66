// The sample's method, implemented.
import { implement } from '../contract/handlers.js';
import { sampleMethods } from './contract.js';
import { removeSample } from './remove-sample.js';
import { loadSampleAlliance } from './sample-alliance.js';

export const sampleHandlers = implement(sampleMethods, {
  'sample.load': (input, services) => loadSampleAlliance(services.ctx, services.info(), input),
  'sample.remove': (_input, services) => removeSample(services.ctx),
});
