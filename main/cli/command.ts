import type { Logger } from '../log.ts';
import type { OptionSpecs, ParsedArgs } from './args.ts';

/** What every command gets besides its own arguments. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** `--data-dir DIR` (global), or null when not given. */
  dataDir: string | null;
  /** JSON-lines log; goes to stderr with `--verbose`, nowhere otherwise. */
  log: Logger;
  verbose: boolean;
  /** The package folder (holds assets/). */
  packageRoot: string;
}

export interface Command {
  /** One or more words, e.g. `propose` or `db status`. */
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** The synopsis, e.g. `propose --year Y --month M [--json]`. */
  usage: string;
  /** This command's options; the global ones (--help, --data-dir, --verbose) are added by the CLI. */
  options: OptionSpecs;
  /** Returns the exit code (0 when nothing is returned). */
  run(args: ParsedArgs, ctx: CliContext): Promise<number | void>;
}

const registry: Command[] = [];

/** Called once by each command module; main/cli/main.ts imports the modules. */
export function registerCommand(command: Command): void {
  if (registry.some((c) => c.name === command.name)) throw new Error(`CLI command "${command.name}" is registered twice.`);
  registry.push(command);
}

export function registeredCommands(): readonly Command[] {
  return registry;
}

/** The command whose name matches the most leading words of argv. */
export function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  let bestWords = 0;
  for (const command of registry) {
    const words = command.name.split(' ');
    if (words.length > bestWords && words.every((w, i) => argv[i] === w)) {
      best = command;
      bestWords = words.length;
    }
  }
  return best ? { command: best, rest: argv.slice(bestWords) } : null;
}
