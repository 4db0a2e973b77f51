import { readFile } from 'node:fs/promises';
import { readCalendar } from '../main/export/calendarReaders.ts';
import { readMail } from '../main/export/mailReader.ts';
import { chooseMonth, expect, generateDraft, openPage, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function publishJune(app: Page): Promise<void> {
  await openPage(app, 'Propose');
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(app.getByText('June 2027 is published')).toBeVisible();
}

async function showJune(app: Page): Promise<void> {
  await openPage(app, 'Published');
  await app
    .getByRole('list', { name: 'Published months' })
    .getByRole('button', { name: /June 2027/ })
    .click();
  await expect(app.getByRole('heading', { name: /June 2027/ })).toBeVisible();
}

async function chooseMember(app: Page, name: string): Promise<void> {
  await app.getByRole('combobox', { name: 'Member' }).click();
  await app.getByRole('option', { name, exact: true }).click();
}

test("a member's season calendar from the Published page, and telling members after a change", async ({ app }) => {
  test.setTimeout(240_000);
  await publishJune(app);
  await showJune(app);
  const panel = app.getByRole('region', { name: 'Who to tell' });
  await expect(panel.getByText(/^First publication \(version 1\): \d+ members with duties\.$/)).toBeVisible();

  // Publishing June again makes version 2; the panel lists who it affects.
  await publishJune(app);
  await showJune(app);
  await expect(panel.getByText(/^Version 2 against version 1: \d+ members affected\.$/)).toBeVisible();
  const rows = panel.getByRole('table', { name: 'Changes to tell' }).getByRole('row');
  const loser = rows.filter({ hasText: 'No longer:' }).first();
  const name = ((await loser.getByRole('rowheader').textContent()) ?? '').trim();
  expect(name).not.toBe('');
  const mailto = await loser.getByRole('link', { name: `Write to ${name}` }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:\?subject=[^&]+%3A%20changes%20to%20your%20duties%20in%20June%202027&body=Hello%20/);
  await expect(panel.getByLabel('Text for the club mailing list')).toHaveValue(
    new RegExp(`version 2 \\(changes since version 1\\)[\\s\\S]*${name}\\n- `),
  );
  await app.screenshot({ path: test.info().outputPath('tell-members.png'), fullPage: true });

  const emlDownload = app.waitForEvent('download');
  await loser.getByRole('button', { name: `Download the message to ${name}` }).click();
  const mail = readMail(await readFile(await (await emlDownload).path()));
  expect(mail.defects).toEqual([]);
  expect(mail.unsent).toBe('1');
  expect(mail.text).toContain(`Hello ${name},`);
  const attached = readCalendar(mail.attachments[0].text);
  expect(attached.some((e) => e.status === 'CANCELLED' && e.start.startsWith('2027-06'))).toBe(true);

  // The same member's season file from the Published page: the duty they lost is cancelled.
  await chooseMember(app, name);
  const icsDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Season 2027 (ICS)' }).click();
  const download = await icsDownload;
  expect(download.suggestedFilename()).toMatch(/^kestrel-ridge-gliding-club-season-2027-.+\.ics$/);
  const events = readCalendar(await readFile(await download.path(), 'utf8'));
  expect(events.map((e) => [e.uid, e.status, e.sequence])).toEqual(attached.map((e) => [e.uid, e.status, e.sequence]));
  const cancelled = events.filter((e) => e.status === 'CANCELLED');
  expect(cancelled.length).toBeGreaterThan(0);
  expect(cancelled.every((e) => e.sequence > 0)).toBe(true);

  // The club feed of the season, with Everyone chosen.
  await app.getByRole('combobox', { name: 'Member' }).click();
  await app.getByRole('option', { name: 'Everyone', exact: true }).click();
  const feedDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Club feed 2027 (ICS)' }).click();
  expect((await feedDownload).suggestedFilename()).toBe('kestrel-ridge-gliding-club-season-2027.ics');
});

test('a member without duties still gets a calendar from the Published page and the Members page', async ({ app }) => {
  test.setTimeout(180_000);
  await openPage(app, 'Published');
  await expect(app.getByRole('heading', { name: /November 2026/ })).toBeVisible();
  const published = await app.getByRole('table', { name: /^Published roster/ }).textContent();
  await app.getByRole('combobox', { name: 'Member' }).click();
  const options = await app.getByRole('option').allTextContents();
  const idle = options.find((option) => option !== 'Everyone' && !(published ?? '').includes(option));
  expect(idle, 'the demo club has members without duties in November').toBeTruthy();
  await app.getByRole('option', { name: idle!, exact: true }).click();
  await expect(app.getByRole('button', { name: 'CSV', exact: true })).toBeDisabled();
  const monthDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Calendar (ICS)' }).click();
  expect(readCalendar(await readFile(await (await monthDownload).path(), 'utf8'))).toEqual([]);

  await openPage(app, 'Members');
  const seasonDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: `Season calendar of ${idle!}` }).click();
  const file = await seasonDownload;
  expect(file.suggestedFilename()).toMatch(/^kestrel-ridge-gliding-club-season-2026-.+\.ics$/);
  // The season holds October too; of November, where they have no duty, nothing.
  const season = readCalendar(await readFile(await file.path(), 'utf8'));
  expect(season.filter((e) => e.start.startsWith('2026-11'))).toEqual([]);
  expect(season.every((e) => e.status === 'CONFIRMED')).toBe(true);
});
