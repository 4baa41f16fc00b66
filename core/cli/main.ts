// The CLI's entry point. runCli reports every expected error itself; what reaches here is a bug, the
// one case that prints a stack trace (and exits 70, as the error table's INTERNAL).
import { errorExitCode } from '../contract/errors.js';
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('INTERNAL: an unexpected error occurred; please report it with the lines below.');
    console.error(error);
    process.exit(errorExitCode('INTERNAL'));
  },
);
