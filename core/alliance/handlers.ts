// The alliance's own methods, implemented.
import { implement } from '../contract/handlers.js';
import { getProfile, overview, recoveryOverview, saveProfile } from './alliance.js';
import { allianceMethods } from './contract.js';
import { dashboard } from './dashboard.js';
import { getSettings, updateSettings } from './settings.js';

export const allianceHandlers = implement(allianceMethods, {
  // In recovery mode there is no database to count from: only where the file is and why it failed.
  'app.overview': (_input, services) => (services.info().health.state === 'damaged' ? recoveryOverview(services.info()) : overview(services.ctx, services.info())),
  'alliance.get': (_input, { ctx }) => getProfile(ctx),
  'alliance.update': (input, { ctx }) => saveProfile(ctx, input),
  'settings.get': (_input, { ctx }) => getSettings(ctx),
  'settings.update': (input, { ctx }) => updateSettings(ctx, input),
  'dashboard.summary': (_input, { ctx }) => dashboard(ctx),
});
