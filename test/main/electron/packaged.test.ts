import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optimizerFaultFromEnv } from '../../../main/backend/optimizerFault.ts';
import { nativeBindingPath } from '../../../main/electron/launch.ts';
import { refusePermissionCheck, refusePermissionRequest } from '../../../main/electron/securityPolicy.ts';

/** What a packaged build must not let the environment or a page do. (The Electron binary cannot be run here.) */

const root = new URL('../../../', import.meta.url);

describe('a packaged app ignores the test hooks', () => {
  it('ROSTERMEISTER_OPTIMIZER_FAULT works in development and is inert when packaged', () => {
    assert.equal(optimizerFaultFromEnv({ ROSTERMEISTER_OPTIMIZER_FAULT: 'hang' }), 'hang');
    assert.equal(optimizerFaultFromEnv({ ROSTERMEISTER_OPTIMIZER_FAULT: 'hang' }, true), undefined);
    assert.equal(optimizerFaultFromEnv({ ROSTERMEISTER_OPTIMIZER_FAULT: 'nonsense' }, true), undefined, 'not even an error');
  });

  it('ROSTERMEISTER_NATIVE_BINDING cannot choose native code for a packaged app', () => {
    const dist = join('/app', 'dist');
    const bundled = join(dist, 'native', 'better_sqlite3.node');
    const env = { ROSTERMEISTER_NATIVE_BINDING: '/tmp/evil.node' };
    assert.equal(
      nativeBindingPath(dist, env, (p) => p === bundled),
      '/tmp/evil.node',
    );
    assert.equal(
      nativeBindingPath(dist, env, (p) => p === bundled, true),
      bundled,
    );
    assert.equal(
      nativeBindingPath(dist, env, () => false, true),
      undefined,
    );
  });

  it('the Electron main process passes app.isPackaged to both hooks', () => {
    const main = readFileSync(new URL('main/electron/main.ts', root), 'utf8');
    assert.match(main, /nativeBindingPath\(DIST_DIR, process\.env, undefined, app\.isPackaged\)/);
    assert.match(main, /optimizerFaultFromEnv\(process\.env, app\.isPackaged\)/);
  });
});

describe('permissions', () => {
  it('every permission request and every permission check is refused', () => {
    let granted: boolean | undefined;
    refusePermissionRequest(null, 'media', (answer) => (granted = answer));
    assert.equal(granted, false);
    assert.equal(refusePermissionCheck(), false);
    const main = readFileSync(new URL('main/electron/main.ts', root), 'utf8');
    assert.match(main, /setPermissionRequestHandler\(refusePermissionRequest\)/);
    assert.match(main, /setPermissionCheckHandler\(refusePermissionCheck\)/);
  });
});

describe('Electron fuses in the packaging config', () => {
  /** The `electronFuses:` block of electron-builder.yml as key -> value (flat `  key: value` lines). */
  function fuses(): Record<string, string> {
    const lines = readFileSync(new URL('electron-builder.yml', root), 'utf8').split('\n');
    const start = lines.indexOf('electronFuses:');
    assert.ok(start >= 0, 'electron-builder.yml has an electronFuses block');
    const block: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      const entry = /^ {2}(\w+): (\S+)$/.exec(line);
      if (!entry) break;
      block[entry[1]] = entry[2];
    }
    return block;
  }

  it('turns off running as Node and NODE_OPTIONS, and turns on cookie encryption and ASAR integrity', () => {
    assert.deepEqual(fuses(), {
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('names only options electron-builder passes to @electron/fuses, and leaves the inspector fuse alone', () => {
    const config = readFileSync(new URL('node_modules/app-builder-lib/out/platformPackager.js', root), 'utf8');
    for (const key of Object.keys(fuses())) assert.ok(config.includes(`fuses.${key}`), `electron-builder reads electronFuses.${key}`);
    assert.ok(!('enableNodeCliInspectArguments' in fuses()), "Playwright's _electron needs the inspector");
    assert.ok(
      readFileSync(new URL('electron-builder.yml', root), 'utf8').includes('asar: true'),
      'the integrity fuses need an asar archive',
    );
  });
});
