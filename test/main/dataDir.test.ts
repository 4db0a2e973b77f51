import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { platformDataDir, resolveDataDir } from '../../main/dataDir.ts';

describe('data folder', () => {
  it('follows each platform convention', () => {
    assert.equal(platformDataDir('linux', {}, '/home/ann'), join('/home/ann', '.config', 'Rostermeister'));
    assert.equal(platformDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann'), join('/xdg', 'Rostermeister'));
    assert.equal(platformDataDir('darwin', {}, '/Users/ann'), join('/Users/ann', 'Library', 'Application Support', 'Rostermeister'));
    assert.equal(
      platformDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
      join('C:\\Users\\ann\\AppData\\Roaming', 'Rostermeister'),
    );
  });

  it('is overridden by --data-dir, then ROSTERMEISTER_DATA_DIR', () => {
    assert.equal(resolveDataDir('/given', { ROSTERMEISTER_DATA_DIR: '/env' }), '/given');
    assert.equal(resolveDataDir(null, { ROSTERMEISTER_DATA_DIR: '/env' }), '/env');
  });
});
