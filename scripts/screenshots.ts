/**
 * Screenshots of every page at 1280x800 for the README: docs/screenshots/<page>.png.
 * Runs the real app (browser host on a fresh data folder with the demo club) in Debian's Chromium.
 * Usage: npm run screenshots [-- --size 1920x1080 --out DIR]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { ROOT, startBrowserHost } from '../test/e2e/host.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const MONTH = '2027-06';
const PUBLISHED_MONTH = '2027-05';
const LONG = { timeout: 60_000 };

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1280x800' }, out: { type: 'string', default: join(ROOT, 'docs', 'screenshots') } },
});
const size = /^(\d+)x(\d+)$/.exec(values.size ?? '');
if (size === null) throw new Error(`--size must look like 1280x800, not "${values.size}"`);
const viewport = { width: Number(size[1]), height: Number(size[2]) };
const outDir = values.out ?? '';

async function open(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name }).click();
}

async function generate(page: Page, month: string): Promise<void> {
  await open(page, 'Propose');
  await page.getByLabel('Month', { exact: true }).fill(month);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('table', { name: 'Draft roster' }).waitFor(LONG);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, viewport.height - 1);
  await page.waitForTimeout(400);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
}

async function main(): Promise<void> {
  const { buildRenderer } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href)) as {
    buildRenderer(): Promise<string[]>;
  };
  await buildRenderer();
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'rostermeister-screens-'));
  const host = await startBrowserHost(dataDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();
    console.log(`Screenshots at ${viewport.width}x${viewport.height}:`);

    // History first: a published month, then the month the pictures show.
    await generate(page, PUBLISHED_MONTH);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await open(page, 'Compare');
    await page.getByLabel('Month', { exact: true }).fill(MONTH);
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Optimizer roster' }).waitFor(LONG);
    await shoot(page, 'compare');

    await generate(page, MONTH);
    await page.getByRole('button', { name: /^Lock Instructor, Sat 5 Jun/ }).click();
    await page.getByRole('button', { name: /^Unlock Instructor, Sat 5 Jun/ }).waitFor();
    await shoot(page, 'propose');

    await open(page, 'Members');
    await page.getByRole('table', { name: 'Members' }).waitFor();
    await shoot(page, 'members');

    await open(page, 'Settings');
    await page.getByRole('table', { name: 'Roles' }).waitFor();
    await shoot(page, 'settings');

    await open(page, 'Activity');
    await page.getByRole('table', { name: 'Recent runs' }).waitFor();
    await shoot(page, 'activity');

    await open(page, 'Season');
    await page.getByRole('table', { name: 'Season dashboard' }).waitFor(LONG);
    await shoot(page, 'season');

    await open(page, 'What-if');
    await page.getByLabel('Month', { exact: true }).fill(MONTH);
    await page.getByLabel('Name of the what-if').fill('A member away');
    await page.getByRole('button', { name: 'New what-if' }).click();
    await page.getByRole('button', { name: 'Add a member away' }).click();
    await page.getByRole('button', { name: 'Save inputs' }).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('region', { name: 'What-if result' }).waitFor(LONG);
    await shoot(page, 'what-if');

    await open(page, 'Published');
    await page.getByRole('table', { name: /^Published roster/ }).waitFor();
    await shoot(page, 'published');
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
