import { fileURLToPath } from 'node:url';
import type { ApiErrorCode } from '../api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { ClubFileError } from '../../solver/clubFile.ts';
import { SeasonPhraseError } from '../../solver/season.ts';
import { RecoveryNeededError, StorageError } from '../backend/recovery.ts';
import { resolveDataDir } from '../dataDir.ts';
import { FolderInUseError } from '../db/folderLock.ts';
import { storageProblem } from '../db/storageErrors.ts';
import { createLogger, stderrSink } from '../log.ts';
import { parseArgs, UsageError, type OptionSpecs } from './args.ts';
import { findCommand, registeredCommands, type CliContext, type Command } from './command.ts';

// Each command module registers itself; adding a command is one import line here.
import './propose.ts';
import './compare.ts';
import './validate.ts';
import './serveCommand.ts';
import './storeCommands.ts';
import './exportCommand.ts';
import './seasonCommands.ts';
import './memberSheetCommand.ts';
import './versionCommands.ts';
import './notifyCommand.ts';
import './replanCommand.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

const GLOBAL_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', description: 'show help for the command' },
  'data-dir': { type: 'string', valueName: 'DIR', description: 'data folder (default: the platform user-data folder)' },
  verbose: { type: 'boolean', description: 'more detail; JSON log events on stderr' },
};

/** The package folder: two levels up both from main/cli/main.ts and from the bundle dist/main/*.mjs. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs one CLI invocation and returns its exit code: 0 success, 2 a user error (one message, no stack), 1 our own failure. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(topLevelHelp());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const family = registeredCommands().filter((c) => c.name.split(' ')[0] === argv[0]);
    if (family.length > 0) {
      io.err(`"${argv[0]}" needs one of: ${family.map((c) => c.name).join(', ')}. See: rostermeister --help`);
    } else {
      io.err(`Unknown command "${argv[0]}". See: rostermeister --help`);
    }
    return 2;
  }
  const { command, rest } = found;
  let verbose = false;
  try {
    const args = parseArgs(rest, { ...GLOBAL_OPTIONS, ...command.options }, command.name);
    if (args.values.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    verbose = args.values.verbose === true;
    const ctx: CliContext = {
      out: io.out,
      err: io.err,
      dataDir: typeof args.values['data-dir'] === 'string' ? args.values['data-dir'] : null,
      log: createLogger(verbose ? [stderrSink()] : []),
      verbose,
      packageRoot: PACKAGE_ROOT,
    };
    return (await command.run(args, ctx)) ?? 0;
  } catch (error) {
    if (error instanceof RecoveryNeededError) {
      io.err(`${error.message}\nSee the backups with: rostermeister backup list; restore one with: rostermeister backup restore NAME.`);
      return 2;
    }
    // A full disk or a folder we may not write to: the sentence (nothing was lost), not a stack.
    const storage = error instanceof StorageError ? error.message : storageProblem(error, dataDirOf(rest));
    if (storage !== null) {
      io.err(storage);
      return 1;
    }
    if (isUserError(error)) {
      io.err(error.message);
      return 2;
    }
    // Our own failure: one line; the stack only with --verbose.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`rostermeister ${command.name} failed: ${message}`);
    if (verbose && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

/** For messages only: the folder a failing command worked on. */
function dataDirOf(argv: string[]): string {
  const at = argv.indexOf('--data-dir');
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return resolveDataDir(given ?? null);
}

/** API error codes that mean the request was wrong (bad input, nothing there, a clash), not that we failed. */
const USER_ERROR_CODES = new Set<ApiErrorCode>(['bad_input', 'not_found', 'conflict', 'cancelled']);

/** Errors caused by what the user gave us (exit code 2, message only), as opposed to our own failures (exit code 1). */
function isUserError(error: unknown): error is Error {
  if (error instanceof UsageError || error instanceof ClubFileError || error instanceof SeasonPhraseError) return true;
  // Another process owns the data folder: the user closes it, or runs the command there.
  if (error instanceof FolderInUseError) return true;
  return error instanceof ApiError && USER_ERROR_CODES.has(error.code);
}

function topLevelHelp(): string {
  const commands = [...registeredCommands()].sort((a, b) => a.name.localeCompare(b.name));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Rostermeister: duty rosters for a flying club.',
    '',
    'Usage: rostermeister <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Run "rostermeister <command> --help" for the options of a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const own = optionLines(command.options);
  return [
    command.summary,
    '',
    `Usage: rostermeister ${command.usage}`,
    ...(own.length > 0 ? ['', 'Options:', ...own] : []),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
  ].join('\n');
}

function optionLines(specs: OptionSpecs): string[] {
  const entries = Object.entries(specs)
    .filter(([, spec]) => !spec.hidden)
    .map(([name, spec]) => [spec.type === 'string' ? `--${name} ${spec.valueName ?? 'VALUE'}` : `--${name}`, spec.description]);
  const width = Math.max(0, ...entries.map(([left]) => left.length));
  return entries.map(([left, description]) => `  ${left.padEnd(width)}  ${description}`);
}
