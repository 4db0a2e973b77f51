import { chooseMonth, expect, openPage, test } from './fixtures.ts';
import { demoClub, expectImported, importClubFile } from './clubFiles.ts';

test.describe('when the optimizer fails', () => {
  test.use({ optimizerFault: 'throw' });

  test('Compare says plainly that it failed: no optimizer roster, figures, acceptance or adopt', async ({ app }) => {
    await openPage(app, 'Compare');
    await chooseMonth(app, 2027, 6);
    await app.getByRole('button', { name: 'Run comparison' }).click();
    await expect(app.getByRole('table', { name: 'Legacy roster' })).toBeVisible({ timeout: 60_000 });

    const optimizer = app.getByRole('region', { name: 'Optimizer roster' });
    await expect(optimizer.getByText(/^The optimizer failed, so it has no roster here\./)).toBeVisible();
    await expect(app.getByRole('alert').filter({ hasText: 'The optimizer failed on June 2027' })).toContainText('Reason: ');
    await expect(app.getByRole('table', { name: 'Optimizer roster' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Adopt optimizer' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Adopt legacy' })).toBeEnabled();

    const metrics = app.getByRole('table', { name: 'Metrics' });
    const row = (name: string) => metrics.getByRole('row').filter({ has: app.getByRole('rowheader', { name, exact: true }) });
    for (const name of ['Solve time', 'Fill rate', 'Fairness variance', 'Spacing breaks']) {
      await expect(row(name).getByRole('cell').nth(1)).toHaveText('failed');
    }
    await expect(metrics.getByText(/^(Pass|Fail)$/)).toHaveCount(0);
    await expect(row('Overall')).toContainText('None: the optimizer failed');
    await expect(row('Changed slots')).toHaveCount(0);
    await expect(row('Spacing breaks').getByRole('cell').first()).toHaveText(/^\d+$/);
    await app.screenshot({ path: 'test-results/screens/compare-fallback-1280x800.png' });
  });
});

test('empty cells on Compare carry their diagnosis; spacing breaks are counted for both rosters', async ({ app }) => {
  // Only one tow pilot is left, so most tow pilot slots of June 2027 stay empty for both schedulers.
  const club = demoClub();
  let kept = false;
  for (const member of club.members) {
    if (!member.qualifications.includes('towpilot')) continue;
    if (!kept) {
      kept = true;
      continue;
    }
    member.qualifications = member.qualifications.filter((q) => q !== 'towpilot');
    if (member.rolePercent) delete member.rolePercent.towpilot;
  }
  await openPage(app, 'Members');
  await importClubFile(app, club);
  await expectImported(app, club.members.length);

  await openPage(app, 'Compare');
  await chooseMonth(app, 2027, 6);
  await app.getByRole('button', { name: 'Run comparison' }).click();
  for (const side of ['Legacy', 'Optimizer']) {
    const roster = app.getByRole('table', { name: `${side} roster` });
    await expect(roster).toBeVisible({ timeout: 60_000 });
    const empty = roster.getByRole('cell').filter({ hasText: /^Empty/ });
    expect(await empty.count()).toBeGreaterThan(0);
    for (const cell of await empty.all()) await expect(cell).toHaveText(/^Empty.{10,}/);
  }
  const metrics = app.getByRole('table', { name: 'Metrics' });
  const breaks = metrics.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Spacing breaks', exact: true }) });
  await expect(breaks.getByRole('cell').nth(0)).toHaveText(/^\d+$/);
  await expect(breaks.getByRole('cell').nth(1)).toHaveText(/^\d+$/);
});
