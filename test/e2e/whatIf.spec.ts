import { chooseMonth, draftSlots, expect, generateDraft, openPage, test } from './fixtures.ts';

test('a what-if with one member away: generated apart from the real draft, compared with it, adopted', async ({ app }) => {
  await openPage(app, 'Propose');
  await chooseMonth(app, 2027, 6);
  await generateDraft(app);
  const before = await draftSlots(app);
  // The member with the most duties in the real draft goes away in the what-if.
  const counts = new Map<string, number>();
  for (const line of before) {
    const name = line.split(': ')[1];
    if (name !== 'Empty') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [away, duties] = [...counts].sort((a, b) => b[1] - a[1])[0];

  await openPage(app, 'What-if');
  await chooseMonth(app, 2027, 6);
  await app.getByLabel('Name of the what-if').fill(`${away} away`);
  await app.getByRole('button', { name: 'New what-if' }).click();
  await app.getByRole('button', { name: 'Add a member away' }).click();
  await app.getByRole('combobox', { name: 'Away 1' }).click();
  await app.getByRole('option', { name: away, exact: true }).click();
  await app.getByRole('button', { name: 'Save inputs' }).click();
  await expect(app.getByRole('button', { name: 'Save inputs' })).toBeDisabled();
  await app.getByRole('button', { name: 'Generate', exact: true }).click();

  const result = app.getByRole('region', { name: 'What-if result' });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByRole('region', { name: 'Duties that change' })).toContainText(`${away}: ${duties} → 0 (-${duties})`);
  await expect(result.getByRole('region', { name: 'Changed slots' })).toContainText('differ from the real draft');
  await expect(result.getByRole('table', { name: 'What-if roster' }).getByText(away, { exact: true })).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screens/what-if-1280x800.png', fullPage: true });

  // The real draft is untouched until the what-if is adopted.
  await openPage(app, 'Propose');
  await expect(app.getByRole('table', { name: 'Draft roster' })).toBeVisible();
  expect(await draftSlots(app)).toEqual(before);

  await openPage(app, 'What-if');
  await app.getByRole('button', { name: 'Adopt as the draft' }).click();
  const dialog = app.getByRole('dialog', { name: 'Adopt this what-if?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Adopt' }).click();
  await expect(app.getByRole('heading', { name: 'Propose roster', exact: true })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Draft roster' })).toBeVisible();
  const after = await draftSlots(app);
  expect(after).not.toEqual(before);
  expect(after.filter((line) => line.endsWith(`: ${away}`))).toEqual([]);
});
