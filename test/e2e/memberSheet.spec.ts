import { expect, openPage, test } from './fixtures.ts';

const sheet = (rows: string[]) => Buffer.from(['Name,Qualifications,Monthly limit', ...rows].join('\n'), 'utf8');

test('a members spreadsheet with a bad row is refused with the row named; the fixed sheet imports', async ({ app }) => {
  await openPage(app, 'Members');
  const count = app.getByText(/^\d+ of \d+$/);
  const before = await count.textContent();

  await app.getByLabel('Members spreadsheet to import').setInputFiles({
    name: 'new members.csv',
    mimeType: 'text/csv',
    buffer: sheet(['Petra Novak,Tow Pilot,2', 'Rui Costa,instructor,twenty']),
  });
  const dialog = app.getByRole('dialog', { name: 'Import members from new members.csv?' });
  await expect(dialog.getByRole('combobox', { name: 'Monthly limit' })).toHaveText('Monthly limit');
  const rows = dialog.getByRole('table', { name: 'Rows of the sheet' });
  await expect(rows.getByRole('row', { name: /Rui Costa/ })).toContainText('Monthly limit must be');
  await expect(dialog.getByText(/1 row\(s\) have problems/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 2 members' })).toBeDisabled();
  await app.screenshot({ path: 'test-results/screens/member-sheet-refused-1280x800.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(count).toHaveText(before!);

  await app.getByLabel('Members spreadsheet to import').setInputFiles({
    name: 'new members.csv',
    mimeType: 'text/csv',
    buffer: sheet(['Petra Novak,Tow Pilot,2', 'Rui Costa,instructor,1']),
  });
  await expect(dialog.getByText('2 to add, 0 to change.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 members' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText(/Imported from new members\.csv: 2 added, 0 changed/)).toBeVisible();
  await app.getByLabel('Search members').fill('Petra Novak');
  await expect(app.getByRole('table', { name: 'Members' }).getByRole('row', { name: /Petra Novak/ })).toContainText('Tow Pilot');
});
