import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs run against the real app: the browser host (`serve`) with Debian's Chromium, and the
 * Electron app through Playwright's `_electron` where the Electron binary is installed (the `electron`
 * project skips itself, saying why, where it is not). Each test gets a fresh data folder and server.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './test/e2e/globalSetup.ts',
  // One at a time: the optimizer's time limit is wall-clock and the machine has two cores.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'browser-host' }, { name: 'electron' }],
});
