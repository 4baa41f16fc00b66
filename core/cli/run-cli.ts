// The command-line interface, as a function so tests can run it in-process:
// `npm run cli -- --data-dir DIR <command>`. Every expected error prints its code and message and
// exits with its code from the error table; only a bug prints a stack trace (core/cli/main.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from '../contract/codes.js';
import { errorExitCode } from '../contract/errors.js';
import { toAppError } from '../contract/error-mapping.js';
import { DataFolder } from '../folder/data-folder.js';
import { defaultDataDir } from '../folder/data-dir.js';
import { EXPORTS, type ExportName } from '../io/exports/formats.js';
import { categoryFromText } from '../io/imports/columns.js';
import { legalFormKey } from '../io/imports/legal-forms.js';
import { CliApiError, type CliIo } from './call.js';
import { terminalSafe } from './terminal-text.js';
import { backup, check, exportFile, generate, loadSample, removeSampleData, restore } from './folder-commands.js';
import { importMembers, listImports, undoImport } from './import-command.js';
import { listAgreements, listEvents, listMembers, printRoster } from './list-commands.js';
import { listTerms, printCouncil } from './council-commands.js';
import { listProjects } from './project-commands.js';
import { annualReport } from './report-commands.js';
import { listAwardsCommand } from './award-commands.js';
import { exportExchange, importExchange, listPartners } from './exchange-commands.js';
import { parseCli, UsageError, USAGE, type CliValues } from './options.js';

export { USAGE };
export type { CliIo };

interface Invocation {
  values: CliValues;
  /** The command's one argument: `restore FILE`, `import members FILE`, `import undo BATCH`. */
  argument: string;
  io: CliIo;
}

type Command = (folder: DataFolder, invocation: Invocation) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  'sample load': (folder, { values, io }) => loadSample(folder, values, io),
  'sample remove': (folder, { io }) => removeSampleData(folder, io),
  'sample generate': (folder, { values, io }) => generate(folder, values, io),
  'members list': (folder, { values, io }) => listMembers(folder, values, io),
  roster: (folder, { values, io }) => printRoster(folder, values, io),
  'agreements list': (folder, { values, io }) => listAgreements(folder, values, io),
  'events list': (folder, { values, io }) => listEvents(folder, values, io),
  'terms list': (folder, { values, io }) => listTerms(folder, values, io),
  council: (folder, { values, io }) => printCouncil(folder, values, io),
  'projects list': (folder, { values, io }) => listProjects(folder, values, io),
  'report annual': (folder, { values, io }) => annualReport(folder, values, io),
  'plaques list': (folder, { values, io }) => listAwardsCommand(folder, 'plaque', values, io),
  'appointments list': (folder, { values, io }) => listAwardsCommand(folder, 'appointment', values, io),
  ...Object.fromEntries(Object.keys(EXPORTS).map((name): [string, Command] => [`export ${name}`, (folder, { values, io }) => exportFile(folder, name as ExportName, values, io)])),
  backup: (folder, { values, io }) => backup(folder, values, io),
  check: (folder, { values, io }) => check(folder, values, io),
  'import list': (folder, { values, io }) => listImports(folder, Boolean(values.json), io),
  'exchange export': (folder, { values, io }) => exportExchange(folder, values, io),
  'exchange partners': (folder, { values, io }) => listPartners(folder, values, io),
};

const COMMANDS_WITH_ARGUMENT: Record<string, Command> = {
  restore: (folder, { argument, io }) => restore(folder, argument, io),
  'import undo': (folder, { argument, io }) => undoImport(folder, argument, io),
  'exchange import': (folder, { values, argument, io }) => importExchange(folder, argument, values, io),
  'import members': (folder, { values, argument, io }) => {
    const onDuplicate = values['on-duplicate'] ?? 'fill';
    if (!['skip', 'fill', 'overwrite'].includes(onDuplicate)) throw new UsageError('--on-duplicate must be fill, skip or overwrite.');
    if (!fs.existsSync(path.resolve(argument))) throw new UsageError(`No such file: ${argument}`);
    const sheet = values.sheet === undefined ? undefined : /^\d{1,3}$/.test(values.sheet) ? Number(values.sheet) : values.sheet;
    const options = {
      file: argument,
      sheet,
      legalForms: legalFormAnswers(values['legal-form'] ?? []),
      dryRun: Boolean(values['dry-run']),
      onDuplicate: onDuplicate as 'skip',
      skipInvalid: Boolean(values['skip-invalid']),
      json: Boolean(values.json),
    };
    return importMembers(folder, options, io);
  },
};

/** --legal-form 事业单位=higher_vocational (or =高职院校): the clerk's category for a legal form. */
function legalFormAnswers(answers: string[]): Record<string, OrganizationCategory> {
  const chosen: Record<string, OrganizationCategory> = {};
  for (const answer of answers) {
    const [form, category] = answer.split('=').map((p) => p.trim());
    const value = category ? categoryFromText(category) : null;
    if (!form || !value) throw new UsageError(`--legal-form needs FORM=CATEGORY, with a category such as ${ORGANIZATION_CATEGORIES.join(', ')}: ${answer}`);
    chosen[legalFormKey(form)] = value;
  }
  return chosen;
}

/** The command the words name, and its argument, or why there is none. */
function commandOf(positionals: string[]): { command: Command; argument: string } {
  const words = positionals.join(' ');
  if (COMMANDS[words]) return { command: COMMANDS[words], argument: '' };
  for (const [name, command] of Object.entries(COMMANDS_WITH_ARGUMENT)) {
    const length = name.split(' ').length;
    if (positionals.length === length + 1 && positionals.slice(0, length).join(' ') === name) return { command, argument: positionals[length]! };
  }
  throw new UsageError(words ? `Unknown command: ${words}` : 'No command given.');
}

/** An expected error as one or two lines and its exit code; anything else is a bug, rethrown. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const shape = error instanceof CliApiError ? error.shape : toAppError(error)?.toShape();
  if (!shape) throw error;
  const fields = Object.entries(shape.details?.fields ?? {}).map(([f, i]) => `  ${f}: ${i.message}`);
  io.err([`${shape.code}: ${shape.message.split(' — ')[0]}`, ...fields].join('\n'));
  // Invalid options are bad arguments: show how to call the command.
  if (shape.code === 'VALIDATION') io.err(`\n${USAGE}`);
  return errorExitCode(shape.code);
}

export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  const io: CliIo = { out: (line) => terminal.out(terminalSafe(line)), err: (line) => terminal.err(terminalSafe(line)) };
  let folder: DataFolder | null = null;
  try {
    const { values, positionals } = parseCli(argv);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const { command, argument } = commandOf(positionals);
    // One-shot commands: no start-up backup and no backup timer.
    folder = await DataFolder.open(path.resolve(values['data-dir'] ?? defaultDataDir()), { autoBackupMinutes: null, startupBackup: false });
    return await command(folder, { values, argument, io });
  } catch (error) {
    return report(error, io);
  } finally {
    folder?.close();
  }
}
