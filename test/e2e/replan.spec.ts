import type { Page } from '@playwright/test';
import { chooseMonth, expect, generateDraft, openPage, slot, test } from './fixtures.ts';

const SHOTS = 'test-results/screenshots';

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

test('a blackout after publishing shows as a conflict; re-plan shows who gains and loses, and accepting makes version 2', async ({
  app,
}) => {
  test.setTimeout(240_000);
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const instructor = ((await slot(app, 'Instructor', 'Sat 5 Jun').textContent()) ?? '').trim();
  expect(instructor).not.toBe('');
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const publish = app.getByRole('dialog', { name: 'Publish June 2027?' });
  await publish.getByRole('button', { name: /^Publish( anyway)?$/ }).click();
  await expect(app.getByText('June 2027 is published as version 1')).toBeVisible();

  // The instructor of Saturday 5th can no longer come.
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill(instructor);
  await app
    .getByRole('table', { name: 'Members' })
    .getByRole('row', { name: new RegExp(instructor) })
    .first()
    .getByRole('button', { name: `Availability of ${instructor}` })
    .click();
  const blackouts = app.getByRole('dialog', { name: `Availability of ${instructor}` });
  await blackouts.getByLabel('First month shown').fill('2027-06');
  await blackouts.getByRole('button', { name: '5 June 2027', exact: true }).click();
  await blackouts.getByRole('button', { name: 'Save availability' }).click();
  await expect(blackouts).toBeHidden();
  await expect(app.getByRole('alert', { name: 'Published duties in conflict' })).toContainText(
    `Sat 5 Jun 2027, Instructor: ${instructor} may not be Instructor: blacked out.`,
  );

  await openPage(app, 'Published');
  await expect(app.getByText(/Version 1, published/)).toBeVisible();
  const conflicts = app.getByRole('alert', { name: 'Published duties in conflict' });
  await expect(conflicts).toContainText('1 published duty clashes');
  await expect(conflicts).toContainText(`Sat 5 Jun, Instructor: ${instructor} may not be Instructor: blacked out.`);
  await shoot(app, 'published-conflict-replan');

  await conflicts.getByRole('button', { name: 'Re-plan…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Re-plan June 2027' });
  const changes = dialog.getByRole('table', { name: 'Proposed changes' });
  await expect(changes).toBeVisible({ timeout: 60_000 });
  await expect(changes.getByRole('row')).toHaveCount(2);
  const row = changes.getByRole('row').nth(1);
  await expect(row).toContainText('Sat 5 Jun');
  await expect(row).toContainText('Instructor');
  await expect(row).toContainText(instructor);
  const substitute = ((await row.getByRole('cell').nth(3).textContent()) ?? '').trim();
  expect(substitute).not.toBe('');
  expect(substitute).not.toBe(instructor);
  const who = dialog.getByRole('list', { name: 'Who gains and who loses a duty' });
  await expect(who).toContainText(`${instructor} loses Sat 5 Jun Instructor`);
  await expect(who).toContainText(`${substitute} gains Sat 5 Jun Instructor`);
  await shoot(app, 'replan-dialog');

  // Cancel changes nothing; opening it again proposes the same.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText(/Version 1, published/)).toBeVisible();
  await conflicts.getByRole('button', { name: 'Re-plan…' }).click();
  await expect(dialog.getByRole('table', { name: 'Proposed changes' }).getByRole('row').nth(1)).toContainText(substitute, {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Accept as version 2' }).click();
  await expect(dialog).toBeHidden();

  await expect(app.getByText('Re-plan accepted: version 2, 1 duty changed.')).toBeVisible();
  await expect(app.getByText(/Version 2, published/)).toBeVisible();
  await expect(app.getByRole('alert', { name: 'Published duties in conflict' })).toHaveCount(0);
  await expect(app.getByRole('table', { name: 'Published roster June 2027' })).toContainText(substitute);
  await shoot(app, 'published-after-replan');
});
