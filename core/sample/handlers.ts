// The sample's method, implemented.
import { implement } from '../contract/handlers.js';
import { sampleMethods } from './contract.js';
import { loadSampleAlliance } from './sample-alliance.js';

export const sampleHandlers = implement(sampleMethods, {
  'sample.load': (_input, services) => loadSampleAlliance(services.ctx, services.info()),
});
