import type { Page } from '@playwright/test';
import { chooseMonth, expect, generateDraft, openPage, slot, test } from './fixtures.ts';

// The machine these run on is shared and slow at times: these specs type a lot and render big grids.
test.setTimeout(900_000);

/** Saves a Settings form whose change affects drafts: the dialog says which, then the result is shown. */
async function saveAffecting(app: Page, button: string, dialogTitle: string, affects: RegExp): Promise<void> {
  await app.getByRole('button', { name: button, exact: true }).click();
  const dialog = app.getByRole('dialog', { name: dialogTitle });
  await expect(dialog).toContainText(affects);
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test('a new user adds an extra duty day, a removed date and AM/PM tow roles in Settings, then plans three months', async ({
  app,
}, testInfo) => {
  // A June 2027 draft exists, so the settings have a draft to say they affect.
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);

  await openPage(app, 'Settings');
  const calendar = app.getByRole('region', { name: 'Club calendar' });
  await calendar.getByRole('button', { name: 'Add extra duty day' }).click();
  await calendar
    .getByLabel(/^Extra duty day \d+: date$/)
    .last()
    .fill('2027-06-09');
  await calendar
    .getByLabel(/^Extra duty day \d+: label$/)
    .last()
    .fill('Bank holiday');
  await calendar.getByRole('button', { name: 'Add extra duty day' }).click();
  await calendar
    .getByLabel(/^Extra duty day \d+: date$/)
    .last()
    .fill('2027-08-16');
  await calendar
    .getByLabel(/^Extra duty day \d+: last day$/)
    .last()
    .fill('2027-08-20');
  await calendar
    .getByLabel(/^Extra duty day \d+: label$/)
    .last()
    .fill('Competition week');
  await calendar.getByRole('button', { name: 'Add removed date' }).click();
  await calendar
    .getByLabel(/^Removed date \d+: date$/)
    .last()
    .fill('2027-06-26');
  await calendar
    .getByLabel(/^Removed date \d+: reason$/)
    .last()
    .fill('Airfield closed');

  await app.getByRole('button', { name: 'Save calendar', exact: true }).click();
  const calendarDialog = app.getByRole('dialog', { name: 'Save the club calendar?' });
  await expect(calendarDialog).toContainText(
    /Affects the June 2027 draft \(1 duty day added, 1 duty day removed: 4 empty slots to fill, 4 slots leave it( \([1-4] filled\))?\)\./,
  );
  await app.screenshot({ path: testInfo.outputPath('settings-calendar-dialog.png'), timeout: 60_000 });
  await calendarDialog.getByRole('button', { name: 'Save calendar' }).click();
  await expect(calendar.getByRole('alert').filter({ hasText: 'Calendar saved.' })).toContainText(
    /The June 2027 draft: 1 duty day added, 1 duty day removed: 4 empty slots added, 4 slots taken out( \([1-4] filled\))?\. Published rosters stay as they were\./,
  );

  const roles = app.getByRole('region', { name: 'Roles' });
  for (const [key, title] of [
    ['am_tow', 'AM Tow'],
    ['pm_tow', 'PM Tow'],
  ]) {
    await roles.getByLabel('New role key').fill(key);
    await roles.getByLabel('New role title').fill(title);
    await roles.getByLabel('New role qualification').selectOption('towpilot');
    await roles.getByRole('button', { name: 'Add role' }).click();
    await expect(roles.getByLabel(`Title of ${key}`)).toHaveValue(title);
    await expect(roles.getByLabel(`Qualification of ${key}`)).toHaveValue('towpilot');
  }
  await roles.getByRole('button', { name: 'Move AM Tow up' }).click();
  await saveAffecting(
    app,
    'Save roles',
    'Save the roles?',
    /Affects the June 2027 draft \(AM Tow and PM Tow added: 16 empty slots to fill\)/,
  );
  await expect(roles.getByRole('alert').filter({ hasText: 'Roles saved.' })).toContainText('The June 2027 draft: AM Tow and PM Tow added');
  await roles.getByRole('button', { name: 'Save roles' }).scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('settings-roles.png'), timeout: 60_000 });

  await openPage(app, 'Propose');
  await app.getByLabel('Months', { exact: true }).selectOption('3');
  await expect(app.getByText('The draft shown covers June 2027.')).toBeVisible();
  await app.getByRole('button', { name: 'Generate June 2027 – August 2027' }).click();
  const months = app.getByRole('navigation', { name: 'Months of the draft' });
  await expect(months).toBeVisible({ timeout: 180_000 });
  await expect(months.getByRole('button')).toHaveText(['Jun 2027', 'Jul', 'Aug']);
  await expect(months.getByRole('button', { name: 'August 2027' })).toBeVisible();

  const grid = app.getByRole('table', { name: 'Draft roster' });
  const headers = grid.getByRole('columnheader');
  await expect(headers).toHaveText([
    'Duty day',
    'Instructor',
    'Tow Pilot',
    'Duty Officer',
    'AM Tow',
    'Assistant Duty Officer',
    'PM Tow',
    '',
  ]);
  await expect(grid.getByRole('row', { name: /Wed 9 Jun/ })).toContainText('Bank holiday');
  await expect(slot(app, 'AM Tow', 'Wed 9 Jun')).toBeVisible();
  await expect(grid.getByRole('row', { name: /Sat 26 Jun/ })).toContainText('Removed for the club: Airfield closed');
  await expect(grid.getByRole('row', { name: /Wed 18 Aug/ })).toContainText('Competition week');
  await expect(grid.getByText('July 2027', { exact: true })).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('propose-three-months-1280.png'), timeout: 60_000 });

  await months.getByRole('button', { name: 'August 2027' }).click();
  await expect(grid.getByText('August 2027', { exact: true })).toBeInViewport();
  await expect(headers.filter({ hasText: 'AM Tow' })).toBeInViewport();
  await app.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot({ path: testInfo.outputPath('propose-three-months-1024.png'), timeout: 60_000 });

  // The club's removed date is restorable on the Propose page, saying what that affects.
  await months.getByRole('button', { name: 'June 2027' }).click();
  await grid.getByRole('button', { name: 'Restore for the club Sat 26 Jun' }).click();
  const restore = app.getByRole('dialog', { name: 'Restore the date for the club?' });
  await expect(restore).toContainText('Sat 26 Jun is removed for the whole club (Airfield closed).');
  await expect(restore).toContainText('Affects the June 2027 to August 2027 draft (1 duty day added: 6 empty slots to fill).');
  await restore.getByRole('button', { name: 'Restore for the club' }).click();
  await expect(slot(app, 'AM Tow', 'Sat 26 Jun')).toHaveText('Empty');
  await expect(grid.getByRole('button', { name: 'Remove Sat 26 Jun' })).toBeVisible();
});

test('a twelve-month range of every weekend (104 duty days) stays usable: grouped by month, the header stays in view', async ({
  app,
}, testInfo) => {
  await openPage(app, 'Settings');
  const calendar = app.getByRole('region', { name: 'Club calendar' });
  await calendar.getByLabel('Season starts').fill('');
  await calendar.getByLabel('Season ends').fill('');
  await app.getByRole('button', { name: 'Save calendar', exact: true }).click();
  await expect(calendar.getByRole('alert').filter({ hasText: 'Calendar saved.' })).toContainText('No draft was affected.');

  await openPage(app, 'Propose');
  await chooseMonth(app, 2029, 1);
  await app.getByLabel('Months', { exact: true }).selectOption('12');
  await expect(app.getByText('No draft for January 2029 – December 2029 yet.')).toBeVisible();
  await app.getByRole('button', { name: 'Generate' }).click();
  const months = app.getByRole('navigation', { name: 'Months of the draft' });
  await expect(months.getByRole('button')).toHaveCount(12, { timeout: 180_000 });
  await expect(months).toContainText('104 duty days');
  const grid = app.getByRole('table', { name: 'Draft roster' });
  await expect(grid.getByRole('row', { name: /^Sat \d+ \w{3}/ })).toHaveCount(52);
  await app.screenshot({ path: testInfo.outputPath('propose-twelve-months-1280.png'), timeout: 60_000 });

  await months.getByRole('button', { name: 'December 2029' }).click();
  await expect(grid.getByText('December 2029', { exact: true })).toBeInViewport();
  await expect(grid.getByRole('columnheader', { name: 'Instructor' })).toBeInViewport();
  await app.setViewportSize({ width: 1024, height: 700 });
  await expect(grid.getByRole('columnheader', { name: 'Instructor' })).toBeInViewport();
  await app.screenshot({ path: testInfo.outputPath('propose-twelve-months-1024.png'), timeout: 60_000 });
});
