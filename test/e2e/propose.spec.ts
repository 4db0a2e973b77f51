import { chooseMonth, draftSlots, expect, generateDraft, openPage, slot, stat, test } from './fixtures.ts';

// June 2027 lies in the demo club's season; David Chen (all four qualifications, limit 1 a month) has no
// blackout that month, Zoë Müller holds no instructor qualification.
test.beforeEach(async ({ app }) => {
  await chooseMonth(app, 2027, 6);
});

test('generate and publish a month', async ({ app }) => {
  await expect(app.getByText('No draft for June 2027 yet.')).toBeVisible();
  await generateDraft(app);
  await expect(stat(app, 'Made by')).toContainText('Legacy');
  await expect(stat(app, 'Fill rate')).toContainText('%');
  const firstInstructor = (await slot(app, 'Instructor', 'Sat 5 Jun').textContent()) ?? '';

  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await app.getByRole('dialog', { name: 'Publish June 2027?' }).getByRole('button', { name: 'Publish' }).click();
  await expect(app.getByText('June 2027 is published')).toBeVisible();

  await openPage(app, 'Published');
  await app
    .getByRole('list', { name: 'Published months' })
    .getByRole('button', { name: /June 2027/ })
    .click();
  const roster = app.getByRole('table', { name: 'Published roster June 2027' });
  await expect(roster.getByRole('row', { name: /Sat 5 Jun/ })).toContainText(firstInstructor);
});

test('roll changes a legacy draft', async ({ app }) => {
  await generateDraft(app);
  const seedBefore = await stat(app, 'Seed').textContent();
  const before = await draftSlots(app);

  await app.getByRole('button', { name: 'Roll' }).click();
  await expect(stat(app, 'Seed')).not.toHaveText(seedBefore ?? '');
  await expect(stat(app, 'Made by')).toContainText('Legacy');
  expect(await draftSlots(app)).not.toEqual(before);
});

test('manual edit refuses an ineligible member and warns on a cap', async ({ app }) => {
  await generateDraft(app);
  // Free David Chen (limit 1) wherever the draw put him, so one more duty brings him exactly to his limit.
  for (const held of await app.getByRole('button', { name: /: David Chen$/ }).all()) {
    await held.click();
    await app.getByRole('dialog').getByRole('button', { name: 'Clear slot' }).click();
    await expect(app.getByRole('dialog')).toBeHidden();
  }
  await expect(app.getByRole('button', { name: /: David Chen$/ })).toHaveCount(0);

  await slot(app, 'Instructor', 'Sat 5 Jun').click();
  const dialog = app.getByRole('dialog', { name: 'Instructor on Sat 5 Jun' });
  const unqualified = dialog
    .getByRole('list', { name: 'Not allowed: not qualified' })
    .getByRole('button', { name: 'Zoë Müller', exact: true });
  await expect(unqualified).toBeDisabled();
  const atLimit = dialog.getByRole('button', { name: /^David Chen/ });
  await expect(atLimit).toBeEnabled();
  await expect(atLimit).toContainText(/limit of 1/);

  await unqualified.click({ force: true });
  await expect(dialog).toBeVisible();
  await atLimit.click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('alert').filter({ hasText: 'David Chen is on duty' })).toContainText(/limit/);
  await expect(slot(app, 'Instructor', 'Sat 5 Jun')).toHaveText('David Chen');
  await expect(app.getByRole('button', { name: /: Zoë Müller$/ }).filter({ hasText: 'Instructor' })).toHaveCount(0);
});

test('a locked slot survives a roll', async ({ app }) => {
  await generateDraft(app);
  const holder = await slot(app, 'Tow Pilot', 'Sun 6 Jun').textContent();
  await app.getByRole('button', { name: 'Lock Tow Pilot, Sun 6 Jun' }).click();
  await expect(app.getByRole('button', { name: 'Unlock Tow Pilot, Sun 6 Jun' })).toHaveAttribute('aria-pressed', 'true');
  const seedBefore = await stat(app, 'Seed').textContent();

  for (let roll = 0; roll < 3; roll++) {
    const seed = await stat(app, 'Seed').textContent();
    await app.getByRole('button', { name: 'Roll' }).click();
    await expect(stat(app, 'Seed')).not.toHaveText(seed ?? '');
  }
  await expect(stat(app, 'Seed')).not.toHaveText(seedBefore ?? '');
  await expect(slot(app, 'Tow Pilot', 'Sun 6 Jun')).toHaveText(holder ?? '');
  await expect(app.getByRole('button', { name: 'Unlock Tow Pilot, Sun 6 Jun' })).toHaveAttribute('aria-pressed', 'true');
});

test('a removed date stays removed across a roll and can be restored with its assignments', async ({ app }) => {
  await generateDraft(app);
  const held = await slot(app, 'Instructor', 'Sun 13 Jun').textContent();
  await app.getByRole('button', { name: 'Remove Sun 13 Jun' }).click();
  await expect(app.getByRole('button', { name: 'Restore Sun 13 Jun' })).toBeVisible();
  await expect(slot(app, 'Instructor', 'Sun 13 Jun')).toHaveCount(0);

  const seed = await stat(app, 'Seed').textContent();
  await app.getByRole('button', { name: 'Roll' }).click();
  await expect(stat(app, 'Seed')).not.toHaveText(seed ?? '');
  await expect(app.getByRole('button', { name: 'Restore Sun 13 Jun' })).toBeVisible();
  await expect(slot(app, 'Instructor', 'Sun 13 Jun')).toHaveCount(0);

  await app.getByRole('button', { name: 'Restore Sun 13 Jun' }).click();
  await expect(slot(app, 'Instructor', 'Sun 13 Jun')).toHaveText(held ?? '');
  await expect(app.getByRole('button', { name: 'Remove Sun 13 Jun' })).toBeVisible();
});
