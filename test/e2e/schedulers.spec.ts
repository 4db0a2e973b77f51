import type { Page } from '@playwright/test';
import { chooseMonth, expect, generateDraft, openPage, stat, test, titleBarScheduler } from './fixtures.ts';

test('switch to the optimizer and back, the active scheduler shown each time', async ({ app }) => {
  await chooseMonth(app, 2027, 6);
  await expect(titleBarScheduler(app)).toHaveText('Active scheduler: Legacy');
  await generateDraft(app);
  await expect(stat(app, 'Made by')).toHaveText(/Legacy/);

  await openPage(app, 'Settings');
  const useOptimizer = app.getByRole('switch', { name: 'Use optimization scheduler' });
  await expect(useOptimizer).not.toBeChecked();
  await useOptimizer.click();
  await app.getByRole('dialog', { name: 'Back up before switching?' }).getByRole('button', { name: 'Back up now' }).click();
  await expect(useOptimizer).toBeChecked();
  await expect(titleBarScheduler(app)).toHaveText('Active scheduler: Optimizer');
  await expect(app.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);

  await openPage(app, 'Propose');
  await expect(app.getByRole('main').getByText('Active scheduler: Optimizer')).toBeVisible();
  await app.getByRole('button', { name: 'Roll' }).click();
  await expect(stat(app, 'Made by')).toHaveText(/Optimizer/, { timeout: 60_000 });
  await expect(stat(app, 'Status')).toHaveText(/optimal|feasible/);
  await expect(app.getByText('Fallback to the legacy scheduler')).toHaveCount(0);

  await openPage(app, 'Settings');
  await useOptimizer.click();
  await expect(useOptimizer).not.toBeChecked();
  await expect(titleBarScheduler(app)).toHaveText('Active scheduler: Legacy');

  await openPage(app, 'Propose');
  await expect(app.getByRole('main').getByText('Active scheduler: Legacy')).toBeVisible();
  // The optimizer's draft is untouched by the switch; the next generation uses legacy again.
  await expect(stat(app, 'Made by')).toHaveText(/Optimizer/);
  await app.getByRole('button', { name: 'Roll' }).click();
  await expect(stat(app, 'Made by')).toHaveText(/Legacy/);
});

test('the compare view shows both rosters and the metrics', async ({ app }) => {
  await openPage(app, 'Compare');
  await chooseMonth(app, 2027, 6);
  await app.getByRole('button', { name: 'Run comparison' }).click();

  const legacy = app.getByRole('table', { name: 'Legacy roster' });
  const optimizer = app.getByRole('table', { name: 'Optimizer roster' });
  await expect(legacy).toBeVisible({ timeout: 60_000 });
  await expect(optimizer).toBeVisible();
  await expect(legacy.getByRole('row', { name: /Sat 5 Jun/ })).toBeVisible();
  await expect(optimizer.getByRole('row', { name: /Sat 5 Jun/ })).toBeVisible();

  const metrics = app.getByRole('table', { name: 'Metrics' });
  for (const name of ['Solve time', 'Fill rate', 'Fairness variance', 'Changed slots', 'Changed dates']) {
    await expect(metrics.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
  for (const criterion of ['Solve time', 'Fill rate', 'Fairness variance']) {
    const row = metrics.getByRole('row').filter({ has: app.getByRole('rowheader', { name: criterion, exact: true }) });
    await expect(row).toContainText(/Pass|Fail/);
  }
  const changedSlotsRow = metrics.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Changed slots', exact: true }) });
  const changedSlots = Number(await changedSlotsRow.getByRole('cell').first().textContent());
  await expect(legacy.locator('[data-changed]')).toHaveCount(changedSlots);
  await expect(optimizer.locator('[data-changed]')).toHaveCount(changedSlots);
  await expect(app.getByRole('img', { name: /^Duties per member/ })).toBeVisible();

  await app.getByRole('button', { name: 'Adopt optimizer' }).click();
  await expect(app.getByRole('heading', { name: 'Propose roster' })).toBeVisible();
  await expect(stat(app, 'Made by')).toHaveText(/Optimizer/);
});

async function switchToOptimizerWithoutBackup(app: Page): Promise<void> {
  await openPage(app, 'Settings');
  await app.getByRole('switch', { name: 'Use optimization scheduler' }).click();
  await app.getByRole('dialog', { name: 'Back up before switching?' }).getByRole('button', { name: 'Continue without' }).click();
  await expect(titleBarScheduler(app)).toHaveText('Active scheduler: Optimizer');
}

test.describe('when the optimizer fails', () => {
  test.use({ optimizerFault: 'throw' });

  test('a forced optimizer failure shows the fallback notice', async ({ app }) => {
    await switchToOptimizerWithoutBackup(app);

    await openPage(app, 'Propose');
    await chooseMonth(app, 2027, 6);
    await generateDraft(app);
    const notice = app.getByRole('alert').filter({ hasText: 'Fallback to the legacy scheduler' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Reason:');
    await expect(stat(app, 'Made by')).toHaveText(/Legacy/);

    await openPage(app, 'Activity');
    await expect(app.getByRole('table', { name: 'Recent runs' }).getByRole('row').nth(1)).toContainText('Fallback');
  });
});

test.describe('when the optimizer hangs', () => {
  test.use({ optimizerFault: 'hang' });

  test('a running generation shows its progress and can be cancelled', async ({ app }) => {
    await switchToOptimizerWithoutBackup(app);

    await openPage(app, 'Propose');
    await chooseMonth(app, 2027, 6);
    await app.getByRole('button', { name: 'Generate' }).click();
    const progress = app.getByRole('status').filter({ hasText: 'Generating June 2027 with the optimizer scheduler' });
    await expect(progress).toBeVisible();
    // The time used counts up against the optimizer's limit (10 s), which covers the whole wait.
    await expect(progress).toContainText(/\b[1-9] s of 10 s/);
    await expect(progress.getByRole('progressbar', { name: 'Time used of the limit' })).toBeVisible();
    // The window stays usable while the optimizer works.
    await app.getByRole('button', { name: 'Next month' }).focus();
    await progress.getByRole('button', { name: 'Cancel' }).click();

    await expect(app.getByText('Generation cancelled. Nothing was changed.')).toBeVisible();
    await expect(progress).toBeHidden();
    await expect(app.getByText('No draft for June 2027 yet.')).toBeVisible();
  });
});
