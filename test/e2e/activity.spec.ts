import { chooseMonth, expect, generateDraft, openPage, test } from './fixtures.ts';

/** `Dec 1, 2026, 10:51 PM`: the one format of moments on every page (Chromium here runs in English). */
const MOMENT = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/;

test.describe('with a failing optimizer in shadow mode', () => {
  test.use({ optimizerFault: 'throw' });

  test('Activity: newest first, log filtered by level, chart legend, fallbacks and shadow runs marked, one date format', async ({
    app,
  }) => {
    await openPage(app, 'Settings');
    await app.getByRole('switch', { name: /^Shadow mode/ }).click();
    await expect(app.getByText('Shadow mode on.')).toBeVisible();
    await openPage(app, 'Propose');
    await chooseMonth(app, 2027, 6);
    await generateDraft(app);

    await openPage(app, 'Activity');
    const runs = app.getByRole('table', { name: 'Recent runs' });
    const shadow = runs.getByRole('row').filter({ hasText: 'Shadow run' });
    await expect(async () => {
      await app.getByRole('button', { name: 'Refresh' }).click();
      await expect(shadow).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    // The shadow run started after the draft's run, so it is listed first; it fell back to legacy.
    await expect(runs.getByRole('row').nth(1)).toContainText('Shadow run');
    await expect(runs.getByRole('row').nth(2)).toContainText('Draft');
    await expect(shadow).toContainText('Fallback');
    await expect(shadow).toContainText('(asked: Optimizer)');

    const legend = app.getByRole('list', { name: 'Legend' });
    await expect(legend.getByRole('listitem')).toHaveText(['Legacy', 'Optimizer', 'Over 10 s', 'Fallback to legacy', 'Shadow run']);
    const chart = app.getByRole('img', { name: /^Solve times of \d+ runs/ });
    await expect(chart).toHaveAttribute('aria-label', /1 fell back to legacy/);
    await expect(chart.locator('[data-fallback][data-shadow]')).toHaveCount(1);

    const log = app.getByRole('table', { name: 'Log events' });
    const logRows = log.getByRole('row').filter({ has: app.getByRole('cell') });
    await expect(logRows.last()).toContainText('Demo club loaded');
    await expect(logRows.first()).not.toContainText('Demo club loaded');

    await app.getByLabel('Level').click();
    await app.getByRole('option', { name: 'Warnings' }).click();
    expect(await logRows.count()).toBeGreaterThan(0);
    for (const row of await logRows.all()) await expect(row.getByRole('cell').nth(1)).toHaveText('warn');
    await expect(logRows.filter({ hasText: 'fallback_to_legacy' })).not.toHaveCount(0);

    for (const cell of [runs.getByRole('row').nth(1).getByRole('cell').first(), logRows.first().getByRole('cell').first()]) {
      await expect(cell).toHaveText(MOMENT);
    }
  });
});
