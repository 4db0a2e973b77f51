#!/usr/bin/env node
/**
 * `npm start`: builds the app, makes sure better-sqlite3 is built for Electron, and launches Electron.
 * Where the Electron runtime was never downloaded it says so and points to the browser host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildAll, ROOT } from './build.mjs';

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron === null) {
  console.error(
    [
      'The Electron runtime is not installed, so the desktop app cannot start here.',
      '',
      'The electron package is present, but its runtime (node_modules/electron/dist) is downloaded',
      'from github.com by an install script, and that download did not happen (no internet access,',
      'or install scripts were not allowed for electron).',
      '',
      'To get it, on a machine that can reach github.com, run one of:',
      '  node node_modules/electron/install.js',
      '  npm install-scripts approve electron && npm rebuild electron',
      '',
      'Meanwhile the same app runs in your web browser:',
      '  npm run rostermeister -- serve',
    ].join('\n'),
  );
  process.exit(1);
}

await buildAll();
const { buildNativeForElectron } = await import('./electronNative.mjs');
try {
  await buildNativeForElectron();
} catch (error) {
  console.error(
    `Could not build the database module (better-sqlite3) for Electron: ${error instanceof Error ? error.message : String(error)}\n` +
      'This needs either a prebuilt binary download (github.com) or a C++ toolchain with Electron headers (electronjs.org).\n' +
      'The browser version needs neither: npm run rostermeister -- serve',
  );
  process.exit(1);
}

const args = ['.', ...process.argv.slice(2)];
if (process.platform === 'linux' && process.getuid?.() === 0 && !args.includes('--no-sandbox')) {
  console.error('Electron does not run as root with its sandbox on. Run npm start as a normal user (recommended), or: npm start -- --no-sandbox');
  process.exit(1);
}
const child = spawn(electron, args, { cwd: ROOT, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
