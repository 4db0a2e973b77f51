import { expect, openPage, test } from './fixtures.ts';
import { demoClub, importClubFile } from './clubFiles.ts';

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
  await expect(
    members
      .getByRole('row', { name: /David Chen/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('1');
});

test('a blackout day clicked on the availability calendar is saved with the member', async ({ app }) => {
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill('David Chen');
  const row = app.getByRole('table', { name: 'Members' }).getByRole('row', { name: /David Chen/ });
  // David has many blackout days: the list counts them.
  const count = async () => Number(/(\d+) blackout days/.exec((await row.getByRole('cell').nth(7).textContent()) ?? '')?.[1]);
  const before = await count();
  expect(before).toBeGreaterThan(3);

  await row.getByRole('button', { name: 'Availability of David Chen' }).click();
  const dialog = app.getByRole('dialog', { name: 'Availability of David Chen' });
  await dialog.getByLabel('First month shown').fill('2027-06');
  await dialog.getByRole('button', { name: '12 June 2027', exact: true }).click();
  await expect(dialog.getByRole('button', { name: '12 June 2027, unavailable' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save availability' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(7)).toContainText(`${before + 1} blackout days`);

  await openPage(app, 'Propose');
  await app.getByLabel('Month', { exact: true }).fill('2027-06');
  await app.getByRole('button', { name: 'Generate' }).click();
  await app.getByRole('button', { name: /^Instructor, Sat 12 Jun: / }).click({ timeout: 60_000 });
  await expect(
    app
      .getByRole('dialog')
      .getByRole('list', { name: 'Not allowed: blacked out' })
      .getByRole('button', { name: 'David Chen', exact: true }),
  ).toBeDisabled();
});

test('search ignores accents and finds members by qualification or role title', async ({ app }) => {
  await openPage(app, 'Members');
  const search = app.getByLabel('Search members');
  const names = app.getByRole('table', { name: 'Members' }).getByRole('rowheader');
  for (const [typed, found] of [
    ['Jose', 'José Núñez'],
    ['zoe', 'Zoë Müller'],
    ['Soren', 'Søren Østergaard'],
    ['Lukasz', 'Łukasz Zieliński'],
    ['ayse yilmaz', 'Ayşe Yılmaz'],
  ]) {
    await search.fill(typed);
    await expect(names).toHaveText([found]);
  }

  await search.fill('Tow Pilot');
  const rows = app
    .getByRole('table', { name: 'Members' })
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader') });
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) await expect(row.getByRole('cell').nth(1)).toContainText('Tow Pilot');
  await search.fill('towpilot');
  const byKey = await rows.count();
  await search.fill('tow pilot');
  await expect(rows).toHaveCount(byKey);
});

test('likely typos are warned about on import and in the member dialog, and saved anyway', async ({ app }) => {
  const club = demoClub();
  const alex = club.members.find((m) => m.name === 'Alex Rivera')!;
  alex.qualifications = [...alex.qualifications, 'towpliot'];
  const held = alex.qualifications.filter((q) => q !== 'towpliot');
  alex.rolePercent = Object.fromEntries(held.map((q) => [q, 60]));

  await openPage(app, 'Members');
  await importClubFile(app, club);
  const summary = app.getByRole('alert', { name: 'Import summary' });
  await expect(summary).toContainText(`Imported ${club.members.length} members`);
  await expect(summary).toContainText('Alex Rivera (');
  await expect(summary).toContainText('No role uses the qualification "towpliot"');
  await expect(summary).toContainText(`add up to ${60 * held.length} %`);

  await app.getByLabel('Search members').fill('Alex Rivera');
  await app.getByRole('button', { name: 'Edit Alex Rivera' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Alex Rivera' });
  const warning = dialog.getByRole('alert', { name: 'Please check' });
  await expect(warning).toContainText('"towpliot"');
  await expect(warning).toContainText(`add up to ${60 * held.length} %`);
  await dialog.getByLabel('Percent for towpilot').fill('10');
  await expect(warning).toContainText(`add up to ${60 * (held.length - 1) + 10} %`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Alex Rivera saved.')).toBeVisible();
});

test('adding a member under a taken id is refused and replaces nobody; the proposed free id works', async ({ app }) => {
  await openPage(app, 'Members');
  await app.getByRole('button', { name: 'Add member' }).click();
  const dialog = app.getByRole('dialog', { name: 'New member' });
  const id = dialog.getByLabel('Member id');
  await expect(id).toHaveValue('m046'); // the demo club runs m001..m045

  await id.fill('m001');
  await dialog.getByLabel('Name').fill('Sam Newcomer');
  await dialog.getByRole('checkbox', { name: 'towpilot' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('m001 is already Alex Rivera');
  await expect(dialog.getByRole('alert')).toContainText('m046');
  await expect(id).toHaveAttribute('aria-invalid', 'true');

  // The same Save again, then with the proposed id.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('m001 is already Alex Rivera');
  await id.fill('m046');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Sam Newcomer added.')).toBeVisible();

  await app.reload();
  await openPage(app, 'Members');
  const members = app.getByRole('table', { name: 'Members' });
  await app.getByLabel('Search members').fill('m001');
  await expect(members.getByRole('row', { name: /Alex Rivera/ })).toHaveCount(1);
  await app.getByLabel('Search members').fill('Sam Newcomer');
  await expect(members.getByRole('row', { name: /Sam Newcomer/ })).toHaveCount(1);

  // Alex's published duties still show Alex.
  await openPage(app, 'Published');
  await app
    .getByRole('list', { name: 'Published months' })
    .getByRole('button', { name: /October 2026/ })
    .click();
  const roster = app.getByRole('table', { name: 'Published roster October 2026' });
  await expect(roster.getByText('Alex Rivera').first()).toBeVisible();
  await expect(roster.getByText('Sam Newcomer')).toHaveCount(0);
});
