import type { Page } from '@playwright/test';
import { chooseMonth, draftSlots, expect, generateDraft, openPage, slot, stat, test } from './fixtures.ts';

const SHOTS = 'test-results/screenshots';

/** Screenshots of the page as it stands at both sizes the README promises, to be looked at. */
async function shoot(app: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width, height });
    await app.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
  }
  await app.setViewportSize({ width: 1280, height: 800 });
}

async function blackOut(app: Page, name: string, isoMonth: string, dayName: string): Promise<void> {
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill(name);
  const row = app
    .getByRole('table', { name: 'Members' })
    .getByRole('row', { name: new RegExp(name) })
    .first();
  await row.getByRole('button', { name: `Availability of ${name}` }).click();
  const dialog = app.getByRole('dialog', { name: `Availability of ${name}` });
  await dialog.getByLabel('First month shown').fill(isoMonth);
  await dialog.getByRole('button', { name: dayName, exact: true }).click();
  await dialog.getByRole('button', { name: 'Save availability' }).click();
  await expect(dialog).toBeHidden();
}

test('publish lists empty slots and rule breaks, needs "Publish anyway", and the month then shows as published', async ({ app }) => {
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const instructor = ((await slot(app, 'Instructor', 'Sat 5 Jun').textContent()) ?? '').trim();
  expect(instructor).not.toBe('');
  await slot(app, 'Tow Pilot', 'Sun 6 Jun').click();
  await app.getByRole('dialog').getByRole('button', { name: 'Clear slot' }).click();
  await expect(app.getByRole('dialog')).toBeHidden();

  // A blackout added after the draft was made.
  await blackOut(app, instructor, '2027-06', '5 June 2027');
  await openPage(app, 'Propose');
  await expect(stat(app, 'Rule breaks')).toHaveText(/^Rule breaks\s*1$/);

  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Publish June 2027?' });
  await expect(dialog.getByRole('list', { name: 'Rule breaks' })).toContainText(`Sat 5 Jun, Instructor: ${instructor}`);
  await expect(dialog.getByRole('list', { name: 'Empty slots' })).toContainText('Sun 6 Jun, Tow Pilot');
  await expect(dialog).toContainText('Nothing is published for these dates yet.');
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await shoot(app, 'publish-dialog-rule-break');
  await dialog.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(app.getByText('June 2027 is published as version 1')).toBeVisible();

  // Propose remembers the month is published and links to it.
  const notice = app.getByRole('alert').filter({ hasText: 'Version 1 of June 2027 was published' });
  await expect(notice).toBeVisible();
  await shoot(app, 'propose-published-no-draft');
  await notice.getByRole('button', { name: 'Open published roster' }).click();
  await expect(app.getByRole('heading', { name: /June 2027/ })).toBeVisible();
  await expect(app.getByText(/Version 1, published/)).toBeVisible();
  const conflicts = app.getByRole('alert', { name: 'Published duties in conflict' });
  await expect(conflicts).toContainText(`Sat 5 Jun, Instructor: ${instructor} may not be Instructor: blacked out.`);
  await shoot(app, 'published-blackout-conflict');

  await openPage(app, 'Members');
  await expect(app.getByRole('alert', { name: 'Published duties in conflict' })).toContainText(
    `Sat 5 Jun 2027, Instructor: ${instructor} may not be Instructor: blacked out.`,
  );

  // Proposing again: the publish dialog says what changes against version 1.
  await openPage(app, 'Propose');
  await generateDraft(app);
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const again = app.getByRole('dialog', { name: 'Publish June 2027?' });
  await expect(again).toContainText(/This replaces version 1, published .*: \d+ slots? changes?\./);
  await shoot(app, 'publish-dialog-republish');
  await again.getByRole('button', { name: 'Cancel' }).click();
});

test('a month without duty days says why before and after Generate and offers no Publish', async ({ app }) => {
  await chooseMonth(app, 2026, 1);
  const reason = 'January 2026 has no duty days: it lies outside the operating season (First weekend of March to Last weekend of November)';
  await expect(app.getByText(reason)).toBeVisible();
  await shoot(app, 'propose-no-duty-days-before');
  await app.getByRole('button', { name: 'Generate' }).click();
  await expect(app.getByRole('alert').filter({ hasText: reason })).toContainText('There is nothing to publish.');
  await expect(app.getByRole('button', { name: 'Roll' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await expect(app.getByText('Cannot read properties')).toHaveCount(0);
  await shoot(app, 'propose-no-duty-days-after');
});

test('the figures follow a hand edit, and Roll and Discard can be undone', async ({ app }) => {
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const generatedFill = (await stat(app, 'Fill rate').textContent()) ?? '';
  await slot(app, 'Duty Officer', 'Sat 5 Jun').click();
  await app.getByRole('dialog').getByRole('button', { name: 'Clear slot' }).click();
  await expect(stat(app, 'Fill rate')).not.toHaveText(generatedFill);
  const [, filled, total] = /\((\d+)\/(\d+)\)/.exec(generatedFill) ?? [];
  await expect(stat(app, 'Fill rate')).toContainText(`(${Number(filled) - 1}/${total})`);
  await expect(stat(app, 'Fill rate')).toContainText(new RegExp(`as generated [\\d.]+ % \\(${filled}/${total}\\)`));
  const edited = await draftSlots(app);

  const seed = await stat(app, 'Seed').textContent();
  await app.getByRole('button', { name: 'Roll' }).click();
  await expect(stat(app, 'Seed')).not.toHaveText(seed ?? '');
  const undo = app.getByRole('alert').filter({ hasText: 'replaced by Roll' });
  await expect(undo).toBeVisible();
  await shoot(app, 'propose-bring-back');
  await undo.getByRole('button', { name: 'Bring back' }).click();
  await expect(stat(app, 'Seed')).toHaveText(seed ?? '');
  expect(await draftSlots(app)).toEqual(edited);

  await app.getByRole('button', { name: 'Discard' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(app.getByText('No draft for June 2027 yet.')).toBeVisible();
  await app.getByRole('alert').filter({ hasText: 'discarded' }).getByRole('button', { name: 'Bring back' }).click();
  await expect(app.getByRole('table', { name: 'Draft roster' })).toBeVisible();
  expect(await draftSlots(app)).toEqual(edited);
});

test('importing a club file says what it keeps, keeps the draft and makes a backup first', async ({ app }) => {
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const before = await draftSlots(app);

  await openPage(app, 'Members');
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export club file' }).click();
  const file = await (await download).path();
  await app.getByLabel('Club file to import').setInputFiles({
    name: 'kestrel.json',
    mimeType: 'application/json',
    buffer: await import('node:fs/promises').then((fs) => fs.readFile(file)),
  });
  const dialog = app.getByRole('dialog', { name: 'Import kestrel.json?' });
  const changes = dialog.getByRole('list', { name: 'What the import changes' });
  await expect(changes).toContainText('Drafts: 1 kept');
  await expect(changes).toContainText('October 2026, November 2026 unchanged (publish time kept)');
  await expect(dialog).toContainText('before import of kestrel.json');
  await shoot(app, 'import-dialog');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(app.getByText(/Backup: before-import-of-kestrel-/)).toBeVisible();

  await openPage(app, 'Propose');
  await expect(app.getByRole('table', { name: 'Draft roster' })).toBeVisible();
  expect(await draftSlots(app)).toEqual(before);
});
