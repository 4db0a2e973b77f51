/**
 * Failures of the disk or the folder rather than of Rostermeister: said in one sentence a club member can
 * act on. Every write is one transaction, so a failed one leaves what was saved before as it was.
 */

const NOTHING_LOST = 'Nothing that was saved before was lost.';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The message for a storage failure, or null when `error` is something else. */
export function storageProblem(error: unknown, dataDir: string): string | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return `The disk holding ${dataDir} is full, so this was not saved. ${NOTHING_LOST} Free some space and try again.`;
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return `Rostermeister may not write to its data folder ${dataDir}, so this was not saved. ${NOTHING_LOST} Check that the folder is writable.`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return `Rostermeister cannot open the database in ${dataDir}: the folder or the file may not be readable or writable. ${NOTHING_LOST}`;
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return `The disk reported an error while Rostermeister used ${dataDir}, so this was not saved. ${NOTHING_LOST} Check the disk, then try again.`;
  }
  return null;
}

export function isCorruption(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}
