import { ApiError } from './api.ts';

/** The API names the payload part at fault (e.g. `member.maxPerMonth`); forms show the message next to that field. */
export function fieldErrorFor(caught: unknown): { field: string | null; message: string } {
  if (caught instanceof ApiError) return { field: caught.field ?? null, message: caught.message };
  return { field: null, message: caught instanceof Error ? caught.message : String(caught) };
}

/** True when the API's field path points at `name` (the last path parts, with or without a prefix or index). */
export function isField(field: string | null, name: string): boolean {
  if (field === null) return false;
  return (
    field === name ||
    field.endsWith(`.${name}`) ||
    field.includes(`.${name}[`) ||
    field.includes(`.${name}.`) ||
    field.startsWith(`${name}[`) ||
    field.startsWith(`${name}.`)
  );
}
