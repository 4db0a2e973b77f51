/**
 * better-sqlite3 built for Electron's ABI, kept apart from node_modules (whose Node build the CLI, the
 * browser host and the tests use). The result is dist/native/better_sqlite3.node, which the Electron
 * main process loads through better-sqlite3's `nativeBinding` option; a stamp records what it was built for.
 */
import { rebuild } from '@electron/rebuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NATIVE_DIR = join(ROOT, 'dist', 'native');
export const NATIVE_BINARY = join(NATIVE_DIR, 'better_sqlite3.node');
const STAMP = join(NATIVE_DIR, 'better_sqlite3.json');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

export function electronVersion() {
  return readJson(join(ROOT, 'node_modules', 'electron', 'package.json')).version;
}

/** Electron's NODE_MODULE_VERSION, as the electron package records it. */
function electronAbi() {
  return readFileSync(join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
}

/** The ABI a native module was built for, read from its registration symbol `node_register_module_v<ABI>`. */
export function moduleAbi(binaryPath) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(binaryPath).toString('latin1'));
  return match ? match[1] : null;
}

function wanted(target) {
  const version = target.electronVersion ?? electronVersion();
  if (version !== electronVersion()) throw new Error(`Electron ${version} was asked for, but node_modules has ${electronVersion()}.`);
  return {
    electronVersion: version,
    abi: electronAbi(),
    platform: target.platform ?? process.platform,
    arch: target.arch ?? process.arch,
    betterSqlite3: readJson(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).version,
  };
}

/** True when dist/native already holds the build for this Electron, platform and architecture. */
export function nativeBuildIsCurrent(target = {}) {
  if (!existsSync(NATIVE_BINARY) || !existsSync(STAMP)) return false;
  const stamp = readJson(STAMP);
  const want = wanted(target);
  return Object.entries(want).every(([key, value]) => stamp[key] === value) && moduleAbi(NATIVE_BINARY) === want.abi;
}

/**
 * Rebuilds a copy of better-sqlite3 in a staging folder inside the project (so @electron/rebuild finds
 * prebuild-install in our node_modules: it first tries a prebuilt binary, then compiles) and keeps
 * only the .node file.
 */
export async function buildNativeForElectron(target = {}, log = console.log) {
  const want = wanted(target);
  if (nativeBuildIsCurrent(want)) return NATIVE_BINARY;
  const staging = join(ROOT, 'node_modules', '.cache', 'rostermeister-native', `${want.electronVersion}-${want.platform}-${want.arch}`);
  const module = join(staging, 'node_modules', 'better-sqlite3');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(module, { recursive: true });
  try {
    const source = join(ROOT, 'node_modules', 'better-sqlite3');
    cpSync(source, module, { recursive: true, filter: (path) => path !== join(source, 'build') });
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ name: 'rostermeister-native', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } }),
    );
    log(`Building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electronVersion} (${want.platform}-${want.arch})…`);
    await rebuild({
      buildPath: staging,
      electronVersion: want.electronVersion,
      platform: want.platform,
      arch: want.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    const built = join(module, 'build', 'Release', 'better_sqlite3.node');
    // node-gyp falls back to the running Node's headers when Electron's cannot be fetched: refuse that build.
    const abi = moduleAbi(built);
    if (abi !== want.abi) {
      throw new Error(`the build targets ABI ${abi ?? 'unknown'}, not Electron's ${want.abi} (were Electron's headers downloadable?)`);
    }
    mkdirSync(NATIVE_DIR, { recursive: true });
    copyFileSync(built, NATIVE_BINARY);
    writeFileSync(STAMP, JSON.stringify(want, null, 2) + '\n');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return NATIVE_BINARY;
}
