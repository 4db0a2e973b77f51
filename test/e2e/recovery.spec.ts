import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ROOT, electronBinaryPresent, startBrowserHost } from './host.ts';

/** The command line on the data folder (prepares what the person finds when they open the app). */
function cli(dataDir: string, ...argv: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'rostermeister.mjs'), ...argv, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${argv.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Opens the app on a data folder without waiting for the normal pages (a recovery shows none). */
async function openApp(
  dataDir: string,
  hostBrowser: import('@playwright/test').Browser | null,
): Promise<{ page: Page; close(): Promise<void> }> {
  if (hostBrowser === null) {
    const electronApp = await _electron.launch({ args: [join(ROOT, 'dist', 'main', 'electron.mjs'), '--data-dir', dataDir], cwd: ROOT });
    const page = await electronApp.firstWindow();
    return { page, close: () => electronApp.close() };
  }
  const host = await startBrowserHost(dataDir);
  const context = await hostBrowser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    close: async () => {
      await context.close();
      await host.stop();
    },
  };
}

test.beforeEach(({ hostBrowser }, testInfo) => {
  testInfo.skip(hostBrowser === null && !electronBinaryPresent(), 'Electron binary not installed; this spec ran on the browser host.');
});

test('a damaged database opens the recovery page, and restoring a backup brings the club back', async ({
  hostBrowser,
  dataDir,
}, testInfo) => {
  cli(dataDir, 'settings', 'set', 'timeLimitSeconds', '33');
  const backup = /Backup (\S+) created/.exec(cli(dataDir, 'backup', 'create'))![1];
  // A few pages in the middle of the file garbled, as a failing disk leaves them.
  const file = join(dataDir, 'rostermeister.db');
  const bytes = readFileSync(file);
  for (let i = 2 * 4096; i < 6 * 4096; i++) bytes[i] = (i * 7919) & 0xff;
  writeFileSync(file, bytes);

  const app = await openApp(dataDir, hostBrowser);
  try {
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'Recover the database' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'it is damaged' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
    const list = page.getByRole('table', { name: 'Backups' });
    await expect(list.getByRole('cell', { name: backup, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create backup' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('recovery.png') });

    await page.getByRole('button', { name: `Restore ${backup}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel(/time limit/i)).toHaveValue('33');
  } finally {
    await app.close();
  }
  const aside = readdirSync(join(dataDir, 'set-aside')).filter((n) => n.endsWith('.db'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dataDir, 'set-aside', aside[0])).equals(bytes)).toBe(true);
});

test('a zero-byte database with no backups starts afresh only when asked, and keeps the empty file', async ({ hostBrowser, dataDir }) => {
  cli(dataDir, 'db', 'status');
  writeFileSync(join(dataDir, 'rostermeister.db'), '');
  const app = await openApp(dataDir, hostBrowser);
  try {
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'Recover the database' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'it is empty' })).toBeVisible();
    await expect(page.getByText('No backups yet.')).toBeVisible();
    expect(statSync(join(dataDir, 'rostermeister.db')).size).toBe(0);

    await page.getByRole('button', { name: 'Start afresh' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start afresh' }).click();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { name: 'Members', exact: true })).toBeVisible();
  } finally {
    await app.close();
  }
  expect(existsSync(join(dataDir, 'set-aside'))).toBe(true);
  expect(statSync(join(dataDir, 'rostermeister.db')).size).toBeGreaterThan(0);
});
