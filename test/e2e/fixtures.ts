import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test as base, type Browser, type Locator, type Page } from '@playwright/test';
import { ROOT, electronBinaryPresent, startBrowserHost } from './host.ts';

export { expect };

const ELECTRON_MISSING =
  'Electron binary not installed (node_modules/electron/dist is missing, it cannot be downloaded here); these specs ran on the browser host instead.';

interface TestFixtures {
  /** Test-only optimizer fault the app is started with (ROSTERMEISTER_OPTIMIZER_FAULT). */
  optimizerFault: 'throw' | 'crash' | 'hang' | 'invalid' | undefined;
  /** A fresh data folder: each test starts from the demo club. */
  dataDir: string;
  /** The running app's window, showing the start page. */
  app: Page;
}

interface WorkerFixtures {
  hostBrowser: Browser | null;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  optimizerFault: [undefined, { option: true }],

  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'rostermeister-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  hostBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') {
        await use(null);
        return;
      }
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ hostBrowser, dataDir, optimizerFault }, use, testInfo) => {
    const env: Record<string, string> = optimizerFault === undefined ? {} : { ROSTERMEISTER_OPTIMIZER_FAULT: optimizerFault };
    if (hostBrowser === null) {
      testInfo.skip(!electronBinaryPresent(), ELECTRON_MISSING);
      const electronApp = await _electron.launch({
        args: [join(ROOT, 'dist', 'main', 'electron.mjs'), '--data-dir', dataDir],
        cwd: ROOT,
        env: { ...process.env, ...env } as Record<string, string>,
      });
      const window = await electronApp.firstWindow();
      await window.setViewportSize({ width: 1280, height: 800 });
      await expect(window.getByRole('navigation', { name: 'Pages' })).toBeVisible();
      await use(window);
      await electronApp.close();
      return;
    }
    const host = await startBrowserHost(dataDir, env);
    const context = await hostBrowser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(host.url);
    await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
    await use(page);
    await context.close();
    await host.stop();
  },
});

/** Clicks an entry of the navigation and waits for the page's heading. */
export async function openPage(
  app: Page,
  name: 'Propose' | 'Compare' | 'What-if' | 'Members' | 'Settings' | 'Activity' | 'Published' | 'Season',
): Promise<void> {
  await app.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name }).click();
  const headings = {
    Propose: 'Propose roster',
    Compare: 'Compare schedulers',
    'What-if': 'What-if',
    Members: 'Members',
    Settings: 'Settings',
    Activity: 'Activity',
    Published: 'Published rosters',
    Season: 'Season',
  };
  await expect(app.getByRole('heading', { name: headings[name], exact: true })).toBeVisible();
}

export async function chooseMonth(app: Page, year: number, month: number): Promise<void> {
  await app.getByLabel('Month', { exact: true }).fill(`${year}-${String(month).padStart(2, '0')}`);
}

/** Generates a draft of the shown month and waits until its grid is there. */
export async function generateDraft(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Generate' }).click();
  await expect(app.getByRole('table', { name: 'Draft roster' })).toBeVisible({ timeout: 60_000 });
}

/** The slot button of a role on a day, e.g. slot(app, 'Instructor', 'Sat 5 Jun'). */
export function slot(app: Page, roleTitle: string, day: string): Locator {
  return app.getByRole('button', { name: new RegExp(`^${roleTitle}, ${day}: `) });
}

/** Who holds every slot of the draft grid, as "role, day: member" lines. */
export async function draftSlots(app: Page): Promise<string[]> {
  const buttons = app.getByRole('table', { name: 'Draft roster' }).getByRole('button', { name: /^[^:]+, \w{3} \d+ \w{3}: / });
  return (await buttons.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''))).sort();
}

/** A figure of the draft summary, e.g. stat(app, 'Made by'). */
export function stat(app: Page, label: string): Locator {
  return app.getByRole('region', { name: 'Draft summary' }).getByRole('group', { name: label });
}

/** The "Active scheduler: …" chip in the title bar. */
export function titleBarScheduler(app: Page): Locator {
  return app.getByRole('banner').getByText(/^Active scheduler: /);
}
