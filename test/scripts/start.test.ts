import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

/**
 * `npm start` where the Electron runtime is missing: a scratch copy of the package whose node_modules links every
 * real package except electron, which is an electron package as npm leaves it when its install script did not run
 * (index.js throws, no dist/) with an installer that fails like one without network and counts its runs.
 * The browser opener is a stub that records the address it is given.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rostermeister-start-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const installerRuns = join(scratch, 'installer-runs.txt');
const openedFile = join(scratch, 'opened-url.txt');
const dataDir = join(scratch, 'data');

function preparePackage(): void {
  for (const part of ['bin', 'main', 'solver', 'assets', 'scripts', 'renderer', 'package.json']) {
    cpSync(join(repo, part), join(scratch, part), { recursive: true });
  }
  const modules = join(scratch, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name !== 'electron') symlinkSync(join(repo, 'node_modules', name), join(modules, name));
  }
  const electron = join(modules, 'electron');
  mkdirSync(electron);
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1', main: 'index.js' }));
  writeFileSync(
    join(electron, 'index.js'),
    "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');\n",
  );
  writeFileSync(
    join(electron, 'install.js'),
    `require('fs').appendFileSync(${JSON.stringify(installerRuns)}, 'run\\n');\n` +
      "console.error('RequestError: getaddrinfo ENOTFOUND github.com');\nprocess.exit(1);\n",
  );
  const opener = join(scratch, 'opener.sh');
  writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$1" > ${JSON.stringify(openedFile)}\n`);
  chmodSync(opener, 0o755);
}

interface Started {
  url: string;
  stdout: () => string;
  stop: () => Promise<number | null>;
}

/** Runs `node scripts/start.mjs` and waits until the opener stub has recorded an address. */
async function start(): Promise<Started> {
  rmSync(openedFile, { force: true });
  const child = spawn(process.execPath, [join(scratch, 'scripts', 'start.mjs'), '--data-dir', dataDir], {
    cwd: scratch,
    env: { ...process.env, ROSTERMEISTER_BROWSER_OPENER: join(scratch, 'opener.sh') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  while (!existsSync(openedFile) || readFileSync(openedFile, 'utf8') === '') {
    if (done) throw new Error(`npm start exited before opening a browser:\n${stdout}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: readFileSync(openedFile, 'utf8'),
    stdout: () => stdout,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      assert.equal(stderr.includes('Error'), false, stderr);
      return code;
    },
  };
}

describe('npm start without the Electron runtime', () => {
  it('tries to fetch the runtime once, then opens the browser host at its address', { timeout: 240_000 }, async () => {
    preparePackage();
    const first = await start();
    try {
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+$/);
      assert.match(first.stdout(), /Fetching the Electron 41\.7\.1 runtime/);
      assert.match(first.stdout(), /Could not fetch the Electron runtime: RequestError: getaddrinfo ENOTFOUND github\.com/);
      assert.match(first.stdout(), /opens in your web browser instead, with the same data folder/);
      assert.ok(first.stdout().includes(`Data folder: ${dataDir}`), first.stdout());
      const page = await fetch(first.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
    } finally {
      assert.equal(await first.stop(), 0, 'the host stops cleanly on SIGTERM');
    }
    assert.equal(readFileSync(installerRuns, 'utf8'), 'run\n');

    // Second start: no second download attempt; the data folder was released, so the host starts again on it.
    const second = await start();
    try {
      assert.match(second.stdout(), /could not be fetched before \(RequestError: getaddrinfo ENOTFOUND github\.com\)/);
      assert.doesNotMatch(second.stdout(), /Fetching the Electron/);
      const reply = await fetch(new URL('/api/listMembers', second.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Rostermeister-Token': new URL(second.url).hash.slice('#token='.length) },
        body: JSON.stringify({ args: [] }),
      });
      assert.equal(reply.status, 200);
    } finally {
      assert.equal(await second.stop(), 0);
    }
    assert.equal(readFileSync(installerRuns, 'utf8'), 'run\n', 'the installer ran only once');
  });
});
