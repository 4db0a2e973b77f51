import { readFile } from 'node:fs/promises';
import { demoClub, importClubFile } from './clubFiles.ts';
import { chooseMonth, expect, generateDraft, openPage, slot, test } from './fixtures.ts';

const SHOTS = 'test-results/screens';

/** Sum of one numeric column of the season table. */
async function columnSum(app: import('@playwright/test').Page, header: string): Promise<number> {
  const table = app.getByRole('table', { name: 'Season dashboard' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.trim() === header);
  const cells = await table
    .locator('tbody tr')
    .evaluateAll((rows, i) => rows.map((row) => (row as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
  return cells.reduce((sum, text) => sum + (Number(text) || 0), 0);
}

test.setTimeout(300_000);

test('generate a month, see the season dashboard change, ask why not, from the dashboard, the slot editor and the member', async ({
  app,
}) => {
  await chooseMonth(app, 2027, 6);
  await openPage(app, 'Season');
  await app.getByLabel('Year').fill('2027');
  const table = app.getByRole('table', { name: 'Season dashboard' });
  await expect(table).toBeVisible();
  expect(await columnSum(app, 'Drafted')).toBe(0);
  await expect(app.getByRole('group', { name: 'Club average' })).toContainText('0 duties');

  await openPage(app, 'Propose');
  await generateDraft(app);
  const instructor = ((await slot(app, 'Instructor', 'Sat 5 Jun').textContent()) ?? '').trim();

  await openPage(app, 'Season');
  await app.getByLabel('Year').fill('2027');
  await expect(app.getByRole('group', { name: 'Club average' })).not.toContainText('0 duties');
  const drafted = await columnSum(app, 'Drafted');
  expect(drafted).toBeGreaterThan(20);
  expect(await columnSum(app, 'Total')).toBe(drafted);
  await expect(app.getByRole('img', { name: /^Duties against what is expected, furthest behind first\./ })).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/season-1280x800.png`, fullPage: true });

  // Sorting by Total puts the most duties last, descending first; filtering keeps only those behind.
  await table.getByRole('button', { name: 'Total' }).click();
  await table.getByRole('button', { name: 'Total' }).click();
  const totals = await table.locator('tbody tr').evaluateAll((rows, header) => {
    const index = [...document.querySelectorAll('table[aria-label="Season dashboard"] thead th')].findIndex(
      (th) => th.textContent?.trim() === header,
    );
    return rows.map((row) => Number((row as HTMLTableRowElement).cells[index]?.textContent));
  }, 'Total');
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  const everyone = await table.locator('tbody tr').count();
  await app.getByLabel('Show').click();
  await app.getByRole('option', { name: 'Behind' }).click();
  const behind = await table.locator('tbody tr').count();
  expect(behind).toBeGreaterThan(0);
  expect(behind).toBeLessThan(everyone);

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(
    /^member_id,name,Instructor,Tow Pilot,Duty Officer,Assistant Duty Officer,Saturdays,Sundays,published,drafted,total,expected/,
  );
  expect(csv).toContain(instructor);

  // Why (not) the first member shown: their June, day by day.
  const firstName = (await table.locator('tbody tr th').first().textContent())!.trim();
  await table.getByRole('button', { name: `Why (not) ${firstName}` }).click();
  const why = app.getByRole('dialog', { name: `Why (not) ${firstName}?` });
  await expect(why.getByText(/June 2027, the draft made by the Legacy scheduler: \d+ dut/)).toBeVisible();
  const days = why
    .getByRole('list', { name: 'Duty days' })
    .getByRole('listitem')
    .filter({ has: app.getByText('Not on duty') });
  await expect(days.first()).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/season-why-1280x800.png` });
  await why.getByRole('button', { name: 'Close' }).click();

  // From the slot editor: why not someone else for Saturday's instructor slot.
  await openPage(app, 'Propose');
  await slot(app, 'Instructor', 'Sat 5 Jun').click();
  const editor = app.getByRole('dialog', { name: 'Instructor on Sat 5 Jun' });
  const notAllowed = editor.getByRole('list', { name: /^Not allowed: / }).first();
  const blocked = (await notAllowed.locator('.MuiListItemText-primary').first().textContent())!.trim();
  const reason = ((await notAllowed.getAttribute('aria-label')) ?? '').replace('Not allowed: ', '');
  await editor.getByRole('button', { name: `Why not ${blocked}?` }).click();
  const whyNot = app.getByRole('dialog', { name: `Why (not) ${blocked}?` });
  const asked = whyNot.getByRole('alert', { name: 'The slot asked about' });
  await expect(asked).toContainText(`Why not ${blocked} as Instructor on Sat 5 Jun?`);
  // The same rule the slot editor groups them by.
  await expect(asked).toContainText(reason.split(' ')[0]);
  await app.screenshot({ path: `${SHOTS}/season-why-not-slot-1280x800.png` });
  await whyNot.getByRole('button', { name: 'Close' }).click();
  await editor.getByRole('button', { name: 'Close' }).click();

  // From the member's row, and again after a change of month in the dialog.
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill(instructor);
  await app.getByRole('button', { name: `Why (not) ${instructor}` }).click();
  const member = app.getByRole('dialog', { name: `Why (not) ${instructor}?` });
  await expect(member.getByRole('listitem', { name: 'Sat 5 Jun' })).toContainText('On duty: Instructor');
  await member.getByRole('button', { name: 'Next month' }).click();
  await expect(member.getByText(/Nothing is drafted or published for 2027-07 yet/)).toBeVisible();
  await member.getByRole('button', { name: 'Previous month' }).click();
  await expect(member.getByRole('listitem', { name: 'Sat 5 Jun' })).toContainText('On duty: Instructor');
});

test('a qualification lapsing within the season and a quota show on the dashboard', async ({ app }) => {
  const club = demoClub();
  const instructor = club.members.find((m) => m.qualifications.includes('instructor'))!;
  instructor.qualificationExpiry = { instructor: '2027-07-31' };
  const quota = club.members.find((m) => m !== instructor)!;
  quota.seasonQuota = 6;
  await openPage(app, 'Members');
  await importClubFile(app, club);

  await openPage(app, 'Season');
  await app.getByLabel('Year').fill('2027');
  const table = app.getByRole('table', { name: 'Season dashboard' });
  await expect(app.getByRole('group', { name: 'Qualifications lapsing' })).toHaveText(/1$/);
  await expect(table.getByRole('row', { name: new RegExp(`^${quota.name} `) })).toContainText('6 (quota)');
  await app.getByLabel('Show').click();
  await app.getByRole('option', { name: 'Qualification lapsing' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr th')).toContainText(`${instructor.name}Instructor until Sat 31 Jul`);
  await app.screenshot({ path: `${SHOTS}/season-lapsing-1280x800.png` });
});
