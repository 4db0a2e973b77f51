import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The value of `--data-dir DIR` or `--data-dir=DIR` among the app's command-line arguments. */
export function dataDirArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--data-dir=')) return argv[i].slice('--data-dir='.length);
  }
  return null;
}

/** Where scripts/start.mjs and the packaging hook put better-sqlite3 built for Electron's ABI. */
const NATIVE_BINDING_FILE = join('native', 'better_sqlite3.node');

/**
 * The Electron-ABI build of better-sqlite3 to load: ROSTERMEISTER_NATIVE_BINDING, else dist/native next
 * to the bundled main (inside app.asar, Electron loads it from app.asar.unpacked). Undefined = the
 * package's own build, which only loads when it happens to match Electron's ABI.
 */
export function nativeBindingPath(
  distDir: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.ROSTERMEISTER_NATIVE_BINDING) return env.ROSTERMEISTER_NATIVE_BINDING;
  const bundled = join(distDir, NATIVE_BINDING_FILE);
  return exists(bundled) ? bundled : undefined;
}
