import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dataDirArg, nativeBindingPath } from '../../../main/electron/launch.ts';

describe('launch options', () => {
  it('reads --data-dir in both spellings, and nothing else', () => {
    assert.equal(dataDirArg(['/opt/electron', '.', '--data-dir', '/tmp/club']), '/tmp/club');
    assert.equal(dataDirArg(['Rostermeister.exe', '--data-dir=D:\\club data']), 'D:\\club data');
    assert.equal(dataDirArg(['electron', '.', '--data-dir']), null);
    assert.equal(dataDirArg(['electron', '.', '--no-sandbox']), null);
  });

  it('prefers an explicit native build, then the one next to the bundle', () => {
    const dist = join('/app', 'dist');
    const bundled = join(dist, 'native', 'better_sqlite3.node');
    assert.equal(
      nativeBindingPath(dist, { ROSTERMEISTER_NATIVE_BINDING: '/x/b.node' }, () => true),
      '/x/b.node',
    );
    assert.equal(
      nativeBindingPath(dist, {}, (p) => p === bundled),
      bundled,
    );
    assert.equal(
      nativeBindingPath(dist, {}, () => false),
      undefined,
    );
  });
});
