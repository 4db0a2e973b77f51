import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../../main/api/errors.ts';
import { createBackend, type Backend, type BackendOptions } from '../../../main/backend/index.ts';

/** A backend on a fresh temporary data folder; `cleanup` closes it and removes the folder. */
export async function tempBackend(
  opts: Omit<BackendOptions, 'dataDir'> = {},
): Promise<{ backend: Backend; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rm-backend-'));
  const backend = await createBackend({ dataDir, ...opts });
  return {
    backend,
    dataDir,
    cleanup: async () => {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asserts the promise rejects with an ApiError of `code` (and `field`, when given); returns it. */
export async function apiError(promise: Promise<unknown>, code: ApiError['code'], field?: string): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`, { cause: error });
    if (field !== undefined && error.field !== field)
      throw new Error(`expected field ${field}, got ${error.field}: ${error.message}`, { cause: error });
    return error;
  }
  throw new Error(`expected an ApiError ${code}, but it succeeded`);
}
