/** A tiny command-line parser: `--name value`, `--name=value`, boolean `--flag`, positionals. */

/** Bad command-line input; the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help as `--name VALUE`. */
  valueName?: string;
  /** Parsed but left out of help (test-only switches). */
  hidden?: boolean;
  /** A string option that may be given several times (read with listOption). */
  repeatable?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  values: Record<string, string | boolean>;
  positionals: string[];
  /** Every value of each repeatable option, in the order given. */
  lists: Record<string, string[]>;
}

export function parseArgs(argv: string[], specs: OptionSpecs, commandName: string): ParsedArgs {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('--')) {
      if (token.startsWith('-') && token.length > 1)
        throw new UsageError(`Unknown option ${token} for "${commandName}". ${helpHint(commandName)}`);
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`Unknown option --${name} for "${commandName}". ${helpHint(commandName)}`);
    if (name in values && !spec.repeatable) throw new UsageError(`Option --${name} is given more than once.`);
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`Option --${name} takes no value.`);
      values[name] = true;
      continue;
    }
    const value = eq !== -1 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`Option --${name} needs a value (--${name} ${spec.valueName ?? 'VALUE'}).`);
    }
    values[name] = value;
    if (spec.repeatable) (lists[name] ??= []).push(value);
  }
  return { values, positionals, lists };
}

export function listOption(args: ParsedArgs, name: string): string[] {
  return args.lists[name] ?? [];
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`Option --${name} is required.`);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function integerOption(args: ParsedArgs, name: string, range: { min: number; max: number }): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`Option --${name} must be a whole number from ${range.min} to ${range.max}, not "${text}".`);
  }
  return value;
}

export function requiredInteger(args: ParsedArgs, name: string, range: { min: number; max: number }): number {
  const value = integerOption(args, name, range);
  if (value === undefined) throw new UsageError(`Option --${name} is required.`);
  return value;
}

export function positiveNumberOption(args: ParsedArgs, name: string): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value > 0)) throw new UsageError(`Option --${name} must be a positive number, not "${text}".`);
  return value;
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`Option --${name} must be one of ${allowed.join(', ')}, not "${text}".`);
  }
  return text as T;
}

function helpHint(commandName: string): string {
  return `See: rostermeister ${commandName} --help`;
}
