/**
 * Small typed checkers for API payloads. A `Check<T>` throws ApiError('bad_input') unless the value is
 * a T: its message names the value as the form labels it, its `field` is the payload path (for the
 * form to mark). The type parameter is what the API table derives the contract from.
 */
import { hasControlCharacters, isPlannedDate, PLANNED_DATE_EXPECTED } from '../../solver/limits.ts';
import type { IsoDate } from '../../solver/types.ts';
import { ApiError } from './errors.ts';

/** Where a value sits: its payload path (`member.maxPerMonth`) and what the user calls it ("Monthly limit"). */
export interface Place {
  readonly field: string;
  readonly label: string;
}

export interface Check<T> {
  (value: unknown, at: Place): void;
  /** Type-level only: the type this check lets through. */
  readonly __checks?: T;
}

/** A parameter's own place: named by the parameter, since no form field stands for it. */
export const paramPlace = (name: string): Place => ({ field: name, label: name });

const entryOf = (at: Place, index: number): Place => ({ field: `${at.field}[${index}]`, label: `${at.label} (entry ${index + 1})` });

export const fail = (at: Place, expected: string): never => {
  throw new ApiError('bad_input', `${at.label} must be ${expected}.`, at.field);
};

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

export function text(maxLength: number, opts: { allowEmpty?: boolean; multiline?: boolean } = {}): Check<string> {
  const expected = opts.allowEmpty ? `text of at most ${maxLength} characters` : `non-empty text of at most ${maxLength} characters`;
  return (value, at) => {
    if (typeof value !== 'string' || value.length > maxLength) fail(at, expected);
    const s = value as string;
    if (!opts.allowEmpty && s.trim() === '') fail(at, expected);
    if (!opts.multiline && hasControlCharacters(s)) fail(at, `${expected} without control characters`);
  };
}

export function matching(pattern: RegExp, expected: string, maxLength = 100): Check<string> {
  return (value, at) => {
    if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) fail(at, expected);
  };
}

export function integer(min: number, max: number): Check<number> {
  return (value, at) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(at, `a whole number from ${min} to ${max}`);
    }
  };
}

export function decimal(min: number, max: number): Check<number> {
  return (value, at) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      fail(at, `a number from ${min} to ${max}`);
    }
  };
}

export const boolean: Check<boolean> = (value, at) => {
  if (typeof value !== 'boolean') fail(at, 'true or false');
};

export function oneOf<const O extends string>(...options: readonly O[]): Check<O> {
  return (value, at) => {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value))
      fail(at, `one of ${options.map((o) => `"${o}"`).join(', ')}`);
  };
}

export const plannedDate: Check<IsoDate> = (value, at) => {
  if (!isPlannedDate(value)) fail(at, PLANNED_DATE_EXPECTED);
};

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, at) => {
    if (value !== null) check(value, at);
  };
}

export function list<T>(item: Check<T>, maxItems: number, opts: { unique?: boolean } = {}): Check<T[]> {
  return (value, at) => {
    if (!Array.isArray(value) || value.length > maxItems) fail(at, `a list of at most ${maxItems} entries`);
    const items = value as unknown[];
    items.forEach((entry, index) => item(entry, entryOf(at, index)));
    if (opts.unique) {
      const seen = new Set<unknown>();
      items.forEach((entry, index) => {
        const place = entryOf(at, index);
        if (seen.has(entry)) throw new ApiError('bad_input', `${place.label} appears twice in the list.`, place.field);
        seen.add(entry);
      });
    }
  };
}

/** A map with checked keys (`__proto__`-like keys never pass a key test); an entry is labelled "<label> for <key>". */
export function record<T>(
  isKey: (key: string) => boolean,
  keyExpected: string,
  item: Check<T>,
  maxEntries: number,
): Check<Record<string, T>> {
  return (value, at) => {
    if (!isPlainObject(value)) fail(at, 'an object');
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > maxEntries) fail(at, `an object with at most ${maxEntries} entries`);
    for (const [k, v] of entries) {
      const shown = k.slice(0, 40);
      if (!isKey(k))
        throw new ApiError('bad_input', `${at.label} has "${shown}", but each must be ${keyExpected}.`, `${at.field}.${shown}`);
      item(v, { field: `${at.field}.${k}`, label: `${at.label} for ${k}` });
    }
  };
}

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/**
 * An object with exactly the fields of T, each with its check (so a field added to T without a check
 * does not compile); T's optional fields may be left out, any other field is refused. `labels` are the
 * form's names for the fields (nested under the object's own label unless it is a parameter).
 */
export function object<T extends object>(
  fields: { [K in keyof T]-?: Check<Exclude<T[K], undefined>> },
  opts: { optional?: readonly OptionalKeys<T>[]; labels?: { readonly [K in keyof T]?: string } } = {},
): Check<T> {
  const checks = fields as Record<string, Check<unknown>>;
  const labels = (opts.labels ?? {}) as Record<string, string | undefined>;
  const optional = (opts.optional ?? []) as readonly string[];
  const child = (at: Place, key: string): Place => {
    const field = `${at.field}.${key}`;
    const own = labels[key];
    if (own === undefined) return { field, label: at.label === at.field ? field : `${at.label}: ${key}` };
    return { field, label: at.label === at.field ? own : `${at.label}: ${own}` };
  };
  return (value, at) => {
    if (!isPlainObject(value)) fail(at, 'an object');
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!Object.hasOwn(checks, key)) {
        const place = child(at, key.slice(0, 40));
        throw new ApiError('bad_input', `${place.label} is not a known field.`, place.field);
      }
    }
    for (const [key, check] of Object.entries(checks)) {
      if (!Object.hasOwn(obj, key) || obj[key] === undefined) {
        if (optional.includes(key)) continue;
        const place = child(at, key);
        throw new ApiError('bad_input', `${place.label} is missing.`, place.field);
      }
      check(obj[key], child(at, key));
    }
  };
}

/** `check`, then a further rule on the value it let through. */
export function refine<T>(check: Check<T>, rule: (value: T, at: Place) => void): Check<T> {
  return (value, at) => {
    check(value, at);
    rule(value as T, at);
  };
}
