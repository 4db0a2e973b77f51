/**
 * Small typed checkers for API payloads. A `Check<T>` throws ApiError('bad_input') naming the field at
 * fault unless the value is a T; the type parameter is what the API table derives the contract from.
 */
import { isIsoDate } from '../../solver/dates.ts';
import type { IsoDate } from '../../solver/types.ts';
import { ApiError } from './errors.ts';

export interface Check<T> {
  (value: unknown, field: string): void;
  /** Type-level only: the type this check lets through. */
  readonly __checks?: T;
}

export type Checked<C> = C extends Check<infer T> ? T : never;

export const fail = (field: string, expected: string): never => {
  throw new ApiError('bad_input', `${field} must be ${expected}.`, field);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

// Control characters have no place in names, ids or keys typed by a person.
const CONTROL = /[\u0000-\u001f\u007f]/;

export function text(maxLength: number, opts: { allowEmpty?: boolean; multiline?: boolean } = {}): Check<string> {
  const expected = opts.allowEmpty ? `text of at most ${maxLength} characters` : `non-empty text of at most ${maxLength} characters`;
  return (value, field) => {
    if (typeof value !== 'string' || value.length > maxLength) fail(field, expected);
    const s = value as string;
    if (!opts.allowEmpty && s.trim() === '') fail(field, expected);
    if (!opts.multiline && CONTROL.test(s)) fail(field, `${expected} without control characters`);
  };
}

export function matching(pattern: RegExp, expected: string, maxLength = 100): Check<string> {
  return (value, field) => {
    if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) fail(field, expected);
  };
}

export function integer(min: number, max: number): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, `a whole number from ${min} to ${max}`);
    }
  };
}

export function decimal(min: number, max: number): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      fail(field, `a number from ${min} to ${max}`);
    }
  };
}

export const boolean: Check<boolean> = (value, field) => {
  if (typeof value !== 'boolean') fail(field, 'true or false');
};

export function oneOf<const O extends string>(...options: readonly O[]): Check<O> {
  return (value, field) => {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) fail(field, `one of ${options.map((o) => `"${o}"`).join(', ')}`);
  };
}

export function isoDateBetween(minYear: number, maxYear: number): Check<IsoDate> {
  return (value, field) => {
    if (!isIsoDate(value)) fail(field, 'a date written YYYY-MM-DD');
    const year = Number((value as string).slice(0, 4));
    if (year < minYear || year > maxYear) fail(field, `a date between ${minYear} and ${maxYear}`);
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, field) => {
    if (value !== null) check(value, field);
  };
}

export function list<T>(item: Check<T>, maxItems: number, opts: { unique?: boolean } = {}): Check<T[]> {
  return (value, field) => {
    if (!Array.isArray(value) || value.length > maxItems) fail(field, `a list of at most ${maxItems} entries`);
    const items = value as unknown[];
    items.forEach((entry, index) => item(entry, `${field}[${index}]`));
    if (opts.unique) {
      const seen = new Set<unknown>();
      items.forEach((entry, index) => {
        if (seen.has(entry)) throw new ApiError('bad_input', `${field}[${index}] appears twice in the list.`, `${field}[${index}]`);
        seen.add(entry);
      });
    }
  };
}

/** A map with checked keys; `__proto__`-like keys never pass a key pattern. */
export function record<T>(key: RegExp, keyExpected: string, item: Check<T>, maxEntries: number): Check<Record<string, T>> {
  return (value, field) => {
    if (!isPlainObject(value)) fail(field, 'an object');
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > maxEntries) fail(field, `an object with at most ${maxEntries} entries`);
    for (const [k, v] of entries) {
      if (!key.test(k)) throw new ApiError('bad_input', `${field} has the key "${k.slice(0, 40)}", but keys must be ${keyExpected}.`, `${field}.${k.slice(0, 40)}`);
      item(v, `${field}.${k}`);
    }
  };
}

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/**
 * An object with exactly the fields of T, each with its check (so a field added to T without a check
 * does not compile); T's optional fields may be left out, any other field is refused.
 */
export function object<T extends object>(fields: { [K in keyof T]-?: Check<Exclude<T[K], undefined>> }, optional: readonly OptionalKeys<T>[] = []): Check<T> {
  const checks = fields as Record<string, Check<unknown>>;
  return (value, field) => {
    if (!isPlainObject(value)) fail(field, 'an object');
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!Object.hasOwn(checks, key)) {
        const name = `${field}.${key.slice(0, 40)}`;
        throw new ApiError('bad_input', `${name} is not a known field.`, name);
      }
    }
    for (const [key, check] of Object.entries(checks)) {
      if (!Object.hasOwn(obj, key) || obj[key] === undefined) {
        if ((optional as readonly string[]).includes(key)) continue;
        throw new ApiError('bad_input', `${field}.${key} is missing.`, `${field}.${key}`);
      }
      check(obj[key], `${field}.${key}`);
    }
  };
}

/** `check`, then a further rule on the value it let through. */
export function refine<T>(check: Check<T>, rule: (value: T, field: string) => void): Check<T> {
  return (value, field) => {
    check(value, field);
    rule(value as T, field);
  };
}
