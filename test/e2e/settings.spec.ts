import { expect, openPage, test } from './fixtures.ts';

test('a season phrase that does not parse is shown as an error and nothing is saved', async ({ app }) => {
  await openPage(app, 'Settings');
  const seasonStart = app.getByLabel('Season starts');
  await expect(seasonStart).toHaveValue('First weekend of March');
  await seasonStart.fill('Fifth weekend of Marchember');
  await app.getByRole('button', { name: 'Save calendar' }).click();

  await expect(seasonStart).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText(/Fifth weekend of Marchember/).first()).toBeVisible();

  await app.reload();
  await openPage(app, 'Settings');
  await expect(app.getByLabel('Season starts')).toHaveValue('First weekend of March');
});

test('a role renamed in the settings appears under its new title on the Propose page', async ({ app }) => {
  await openPage(app, 'Settings');
  await app.getByLabel('Title of towpilot').fill('Tug Pilot');
  await app.getByRole('button', { name: 'Save roles' }).click();
  await expect(app.getByText('Roles saved.', { exact: true })).toBeVisible();

  await openPage(app, 'Propose');
  await app.getByLabel('Month', { exact: true }).fill('2027-06');
  await app.getByRole('button', { name: 'Generate' }).click();
  const grid = app.getByRole('table', { name: 'Draft roster' });
  await expect(grid.getByRole('columnheader', { name: 'Tug Pilot' })).toBeVisible({ timeout: 60_000 });
  await expect(grid.getByRole('columnheader', { name: 'Tow Pilot' })).toHaveCount(0);
});
