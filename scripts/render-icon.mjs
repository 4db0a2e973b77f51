#!/usr/bin/env node
/** Renders assets/icon.svg to the 512x512 assets/icon.png electron-builder turns into every platform's icon. */
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svg = readFileSync(fileURLToPath(new URL('../assets/icon.svg', import.meta.url)), 'utf8');
const out = fileURLToPath(new URL('../assets/icon.png', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const browser = await chromium.launch({ executablePath });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 512, height: 512 } });
} finally {
  await browser.close();
}
console.log(`Wrote ${out}`);
