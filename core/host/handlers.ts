// Every domain's handlers in one table, for the dispatcher of whichever host runs the app's core.
import { agreementHandlers } from '../agreements/handlers.js';
import { allianceHandlers } from '../alliance/handlers.js';
import { attachmentHandlers } from '../attachments/handlers.js';
import type { AppHandlers } from '../contract/dispatcher.js';
import { eventHandlers } from '../events/handlers.js';
import { folderHandlers } from '../folder/handlers.js';
import { historyHandlers } from '../history/handlers.js';
import { exchangeHandlers } from '../exchange/handlers.js';
import { exportHandlers } from '../io/exports/handlers.js';
import { importHandlers } from '../io/imports/handlers.js';
import { memberHandlers } from '../members/handlers.js';
import { sampleHandlers } from '../sample/handlers.js';
import { talentHandlers } from '../talent/handlers.js';
import { termHandlers } from '../terms/handlers.js';
import { projectHandlers } from '../projects/handlers.js';
import { reportHandlers } from '../reports/handlers.js';
import { awardHandlers } from '../awards/handlers.js';

export const appHandlers: AppHandlers = {
  ...allianceHandlers,
  ...memberHandlers,
  ...agreementHandlers,
  ...attachmentHandlers,
  ...eventHandlers,
  ...talentHandlers,
  ...termHandlers,
  ...projectHandlers,
  ...reportHandlers,
  ...awardHandlers,
  ...historyHandlers,
  ...exchangeHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...folderHandlers,
  ...sampleHandlers,
};
