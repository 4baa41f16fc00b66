// The data folder's methods, implemented by whichever folder and workspace host the call.
import { implement } from '../contract/handlers.js';
import { folderMethods } from './contract.js';

export const folderHandlers = implement(folderMethods, {
  'backups.list': (_input, { folder }) => folder.listBackups(),
  'backups.create': (_input, { folder }, job) => folder.backupToFile(job),
  'backups.restore': async (input, { folder }, job) => {
    await folder.restoreBackup(input.name, job);
    return { restored: input.name };
  },
  'backups.restoreFile': async (input, { folder }, job) => {
    await folder.restoreUploaded(input, job);
    return { restored: input.fileName };
  },
  'app.check': (_input, { folder }) => folder.check(),
  'app.reopen': (_input, { folder }) => folder.reopen(),
  'files.choose': (input, { workspace }) => workspace.choose(input.purpose),
  'files.checkPath': (input, { workspace }) => workspace.checkPath(input.path, input.purpose),
  'files.open': (input, { workspace }) => workspace.open(input),
  'files.create': (input, { workspace }) => workspace.create(input),
  'files.saveAs': (input, { workspace }, job) => workspace.saveAs(input, job),
});
