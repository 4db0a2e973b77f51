import { chooseMonth, expect, generateDraft, slot, test } from './fixtures.ts';

test.beforeEach(async ({ app }) => {
  await chooseMonth(app, 2027, 6);
});

test('by keyboard: focus lands on Roll after Generate, arrows move through candidates, the slot keeps the focus, Publish asks with Cancel focused', async ({
  app,
}) => {
  await generateDraft(app);
  const roll = app.getByRole('button', { name: 'Roll' });
  await expect(roll).toBeFocused();
  const seed = app.getByRole('region', { name: 'Draft summary' }).getByRole('group', { name: 'Seed' });
  const seedBefore = await seed.textContent();
  await app.keyboard.press('Enter');
  await expect(seed).not.toHaveText(seedBefore ?? '', { timeout: 60_000 });
  await expect(roll).toBeFocused();

  await slot(app, 'Instructor', 'Sat 5 Jun').focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Instructor on Sat 5 Jun' });
  const candidates = dialog.locator('[data-candidate]:not(.Mui-disabled)');
  await expect(candidates.first()).toBeVisible();
  await dialog.getByLabel('Find member').focus();
  await app.keyboard.press('ArrowDown');
  await expect(candidates.nth(0)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(candidates.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowDown');
  await expect(candidates.nth(1)).toBeFocused();
  const chosen = (await candidates.nth(1).locator('.MuiListItemText-primary').textContent())!.replace(' (on duty now)', '');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(slot(app, 'Instructor', 'Sat 5 Jun')).toHaveText(chosen);
  await expect(slot(app, 'Instructor', 'Sat 5 Jun')).toBeFocused();

  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const publish = app.getByRole('dialog', { name: 'Publish June 2027?' });
  await expect(publish.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(publish).toBeHidden();
  await expect(app.getByText('June 2027 is published')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
});

test('the slot dialog ranks members by the change in season fairness, warnings last, the rest grouped by reason', async ({ app }) => {
  await generateDraft(app);
  await slot(app, 'Instructor', 'Sat 5 Jun').click();
  const dialog = app.getByRole('dialog', { name: 'Instructor on Sat 5 Jun' });
  const allowed = dialog.locator('[data-candidate]');
  await expect(allowed.first()).toBeVisible();
  const texts = await allowed.allInnerTexts();
  const change = (text: string) => Number(/fairness ([+−]\d+)/.exec(text)![1].replace('−', '-'));
  for (const text of texts) expect(text).toMatch(/fairness [+−]\d+/);
  expect(change(texts.find((t) => t.includes('(on duty now)'))!)).toBe(0);

  const warned = texts.map((t) => t.includes('⚠'));
  const firstWarned = warned.indexOf(true);
  if (firstWarned >= 0) expect(warned.slice(firstWarned).every(Boolean)).toBe(true);
  const fitting = texts.filter((t) => !t.includes('⚠')).map(change);
  expect(fitting).toEqual([...fitting].sort((a, b) => a - b));

  const groups = dialog.getByRole('list', { name: /^Not allowed: / });
  expect(await groups.count()).toBeGreaterThan(1);
  await expect(
    dialog.getByRole('list', { name: 'Not allowed: not qualified' }).getByRole('button', { name: 'Zoë Müller', exact: true }),
  ).toBeDisabled();

  await dialog.getByLabel('Find member').fill('zoe');
  await expect(dialog.getByRole('button', { name: 'Zoë Müller', exact: true })).toBeVisible();
  // Her row, its "why not" question mark, and the dialog's own buttons.
  await expect(dialog.getByRole('button')).toHaveText(['Zoë Müller', '', 'Clear slot', 'Close']);
  await expect(dialog.getByRole('button', { name: 'Why not Zoë Müller?' })).toBeEnabled();
});
