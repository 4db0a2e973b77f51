import { chooseMonth, expect, openPage, test } from './fixtures.ts';

// Several saves, reloads and a comparison each: more than the default 90 s when the machine is busy.
test.describe.configure({ timeout: 240_000 });

test('the fairness window and default quota are saved from the settings; a bad quota names its field and saves nothing', async ({
  app,
}) => {
  await openPage(app, 'Settings');
  const quota = app.getByLabel('Default season quota');
  await quota.fill('six');
  await app.getByRole('button', { name: 'Save club settings' }).click();
  await expect(quota).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText('Enter the default season quota as a whole number of duties, e.g. 6, or leave it empty.')).toBeVisible();

  await quota.fill('2.5');
  await app.getByRole('button', { name: 'Save club settings' }).click();
  await expect(quota).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText(/^Default season quota must be /)).toBeVisible();

  await app.getByLabel('Fairness counts').click();
  await app.getByRole('option', { name: 'The last 12 months' }).click();
  await quota.fill('6');
  await app.getByRole('button', { name: 'Save club settings' }).click();
  await expect(app.getByText('Club settings saved.')).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/settings-fairness-1280x800.png' });

  await app.reload();
  await openPage(app, 'Settings');
  await expect(app.getByLabel('Fairness counts')).toHaveText('The last 12 months');
  await expect(app.getByLabel('Default season quota')).toHaveValue('6');
});

test('a member`s season quota and exemption: a bad quota is refused, exempt is shown apart from suspended', async ({ app }) => {
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  const members = app.getByRole('table', { name: 'Members' });
  const row = members.getByRole('row', { name: /David Chen/ });
  await row.getByRole('button', { name: 'Edit David Chen' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit David Chen' });

  await dialog.getByLabel('Season quota').fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Not saved: Season quota must be a whole number of duties per season from 1 to 150',
  );
  await expect(dialog.getByLabel('Season quota')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Season quota').fill('4');
  await dialog.getByLabel('Exempt from duties').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Exempt');

  await app.reload();
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  await members
    .getByRole('row', { name: /David Chen/ })
    .getByRole('button', { name: 'Edit David Chen' })
    .click();
  await expect(dialog.getByLabel('Season quota')).toHaveValue('4');
  await expect(dialog.getByLabel('Exempt from duties')).toBeChecked();
});

test('Compare shows the fairness window`s figures for both rosters, and the distance to quota once quotas are set', async ({ app }) => {
  await openPage(app, 'Settings');
  await app.getByLabel('Default season quota').fill('5');
  await app.getByRole('button', { name: 'Save club settings' }).click();
  await expect(app.getByText('Club settings saved.')).toBeVisible();

  await openPage(app, 'Compare');
  await chooseMonth(app, 2027, 6);
  await app.getByRole('button', { name: 'Run comparison' }).click();
  await expect(app.getByRole('table', { name: 'Optimizer roster' })).toBeVisible({ timeout: 90_000 });
  const metrics = app.getByRole('table', { name: 'Metrics' });
  const row = (name: string) => metrics.getByRole('row').filter({ has: app.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Window variance').getByRole('cell').nth(0)).toHaveText(/^\d+\.\d{4}$/);
  await expect(row('Window variance').getByRole('cell').nth(1)).toHaveText(/^\d+\.\d{4}$/);
  await expect(row('Window sum of squares').getByRole('cell').nth(0)).toHaveText(/^\d+$/);
  await expect(row('Window distance to quota').getByRole('cell').nth(1)).toHaveText(/^\d+\.\d{4}$/);
  await metrics.screenshot({ path: 'test-results/screens/compare-window-metrics.png' });
});
