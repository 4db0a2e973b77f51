#!/usr/bin/env node
/**
 * `npm start` always opens the app:
 *   - with the Electron runtime: builds the app, makes sure better-sqlite3 is built for Electron, opens the desktop window;
 *   - without it: fetches it once with Electron's own installer (the failure is remembered per electron version);
 *   - when that cannot be done: starts the browser host (`rostermeister serve`) and opens the default browser at its
 *     address, saying why. Both use the same data folder (main/dataDir.ts; --data-dir passes through).
 * ROSTERMEISTER_BROWSER_OPENER replaces the browser opener (a command that gets the address as its one argument).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildAll, ROOT } from './build.mjs';

const require = createRequire(import.meta.url);
const FETCH_TIMEOUT_MS = 5 * 60_000;
const FETCH_FAILED_MARKER = join(ROOT, 'dist', 'electron-fetch-failed.json');

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The electron package's folder and version, or null when the package itself is not installed. */
function electronPackage() {
  try {
    const manifest = require.resolve('electron/package.json');
    return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
  } catch {
    return null;
  }
}

/** Runs Electron's installer once per electron version; resolves to null on success, else why it failed. */
async function fetchElectron() {
  const pkg = electronPackage();
  if (pkg === null) return 'the electron package is not installed (a production install leaves it out)';
  if (existsSync(FETCH_FAILED_MARKER)) {
    const earlier = JSON.parse(readFileSync(FETCH_FAILED_MARKER, 'utf8'));
    if (earlier.version === pkg.version) {
      return `it could not be fetched before (${earlier.reason}); to try again: node node_modules/electron/install.js`;
    }
  }
  console.log(`Fetching the Electron ${pkg.version} runtime (about 100 MB, once) with Electron's installer…`);
  const reason = await new Promise((resolve) => {
    let output = '';
    const installer = spawn(process.execPath, [join(pkg.dir, 'install.js')], { cwd: pkg.dir, stdio: ['ignore', 'inherit', 'pipe'] });
    installer.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => installer.kill(), FETCH_TIMEOUT_MS);
    installer.on('error', (error) => resolve(error.message));
    installer.on('exit', (code, signal) => {
      clearTimeout(timer);
      const firstLine = output.trim().split('\n')[0] ?? '';
      if (signal) resolve(`the download gave no result within ${FETCH_TIMEOUT_MS / 60_000} minutes`);
      else resolve(code === 0 ? null : firstLine || `the installer exited with code ${code}`);
    });
  });
  if (reason === null && electronBinary() !== null) {
    console.log('Fetched the Electron runtime.');
    return null;
  }
  const why = reason ?? 'the installer finished but the runtime is still missing';
  mkdirSync(dirname(FETCH_FAILED_MARKER), { recursive: true });
  writeFileSync(FETCH_FAILED_MARKER, JSON.stringify({ version: pkg.version, reason: why, at: new Date().toISOString() }) + '\n');
  console.log(`Could not fetch the Electron runtime: ${why}`);
  return `it could not be fetched (${why})`;
}

/** The desktop window; resolves to a reason when Electron cannot be used after all. */
async function startDesktop(electron, args) {
  await buildAll();
  const { buildNativeForElectron } = await import('./electronNative.mjs');
  try {
    await buildNativeForElectron();
  } catch (error) {
    return `the database module (better-sqlite3) could not be built for Electron: ${error instanceof Error ? error.message : String(error)}`;
  }
  const electronArgs = ['.', ...args];
  if (process.platform === 'linux' && process.getuid?.() === 0 && !electronArgs.includes('--no-sandbox')) {
    return 'Electron does not run as root with its sandbox on (run npm start as a normal user, or: npm start -- --no-sandbox)';
  }
  const child = spawn(electron, electronArgs, { cwd: ROOT, stdio: 'inherit' });
  stopWith(child);
  return null;
}

function defaultOpener(url) {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

function openBrowser(url) {
  const [command, args] = process.env.ROSTERMEISTER_BROWSER_OPENER ? [process.env.ROSTERMEISTER_BROWSER_OPENER, [url]] : defaultOpener(url);
  const cannot = (why) => console.log(`Could not open the web browser (${command}: ${why}). Open the address above yourself.`);
  const opener = spawn(command, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
  opener.on('error', (error) => cannot(error.message));
  opener.on('exit', (code) => code !== 0 && code !== null && cannot(`exit code ${code}`));
  opener.unref();
}

/** --data-dir DIR / --data-dir=DIR, the one argument the desktop app and the browser host share. */
function dataDirArgs(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir' && i + 1 < args.length) return ['--data-dir', args[i + 1]];
    if (args[i].startsWith('--data-dir=')) return [args[i]];
  }
  return [];
}

async function startBrowserHost(why, args) {
  console.log(`The desktop window cannot open here: ${why}.\nRostermeister opens in your web browser instead, with the same data folder.`);
  await buildAll(['renderer', 'cli']);
  const host = spawn(process.execPath, [join(ROOT, 'bin', 'rostermeister.mjs'), 'serve', ...dataDirArgs(args)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let opened = false;
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(String(chunk))?.[0];
    if (url && !opened) {
      opened = true;
      openBrowser(url);
    }
  });
  stopWith(host);
}

/** Ctrl+C or a stop signal goes to the child, which closes cleanly (the host releases the data folder); we exit with it. */
function stopWith(child) {
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const args = process.argv.slice(2);
let electron = electronBinary();
const missing = electron === null ? await fetchElectron() : null;
if (electron === null && missing === null) electron = electronBinary();
const why = electron === null ? `the Electron runtime is not installed, and ${missing}` : await startDesktop(electron, args);
if (why !== null) await startBrowserHost(why, args);
