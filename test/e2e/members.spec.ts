import { expect, openPage, test } from './fixtures.ts';

test('a member edit with a bad value shows the error and saves nothing', async ({ app }) => {
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  const members = app.getByRole('table', { name: 'Members' });
  const row = members.getByRole('row', { name: /David Chen/ });
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');

  await row.getByRole('button', { name: 'Edit David Chen' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit David Chen' });
  await dialog.getByLabel('Name').fill('David Chen-Lee');
  await dialog.getByLabel('Monthly limit').fill('20');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Not saved');
  await expect(dialog.getByLabel('Monthly limit')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Nothing changed, not even the valid name edit: reload from the backend.
  await app.reload();
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  await expect(members.getByRole('row', { name: /David Chen-Lee/ })).toHaveCount(0);
  await expect(members.getByRole('row', { name: /David Chen/ }).getByRole('cell').nth(2)).toHaveText('1');
});

test('blackout days toggled on the calendar are saved with the member', async ({ app }) => {
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  const row = app.getByRole('table', { name: 'Members' }).getByRole('row', { name: /David Chen/ });
  const before = Number(await row.getByRole('cell').nth(7).textContent());

  await row.getByRole('button', { name: 'Blackout days of David Chen' }).click();
  const dialog = app.getByRole('dialog', { name: 'Blackout days of David Chen' });
  await dialog.getByLabel('Show month').fill('2027-06');
  const day = dialog.getByRole('button', { name: '12 June 2027', exact: true });
  await expect(day).toHaveAttribute('aria-pressed', 'false');
  await day.click();
  await expect(dialog.getByRole('button', { name: '12 June 2027, blacked out' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Save blackouts' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(7)).toHaveText(String(before + 1));

  await openPage(app, 'Propose');
  await app.getByLabel('Month', { exact: true }).fill('2027-06');
  await app.getByRole('button', { name: 'Generate' }).click();
  await app.getByRole('button', { name: /^Instructor, Sat 12 Jun: / }).click({ timeout: 60_000 });
  await expect(app.getByRole('dialog').getByRole('button', { name: /David Chen/ })).toContainText('blacked out');
});
