import type { Locator, Page } from '@playwright/test';
import { chooseMonth, draftSlots, expect, generateDraft, openPage, test } from './fixtures.ts';

const SHOTS = 'test-results/screenshots';
const NAME = 'Alex Rivera';

/** Drags from one day of the availability calendar to another: one user action. */
async function drag(app: Page, from: Locator, to: Locator): Promise<void> {
  await from.hover();
  await app.mouse.down();
  await to.hover();
  await app.mouse.up();
}

function memberRow(app: Page): Locator {
  return app.getByRole('table', { name: 'Members' }).getByRole('row', { name: new RegExp(NAME) });
}

test('"never Sundays" and a July range in seven actions, then a July roster that keeps them', async ({ app }) => {
  test.slow(); // many steps; the shared machine is slow
  let actions = 0;
  const act = async (step: Promise<unknown>) => {
    await step;
    actions++;
  };

  await act(openPage(app, 'Members'));
  await act(app.getByLabel('Search members').fill(NAME));
  await act(
    memberRow(app)
      .getByRole('button', { name: `Availability of ${NAME}` })
      .click(),
  );
  const dialog = app.getByRole('dialog', { name: `Availability of ${NAME}` });
  await act(dialog.getByRole('button', { name: 'Never on Sundays' }).click());
  await act(dialog.getByLabel('First month shown').fill('2027-06'));
  await act(
    drag(
      app,
      dialog.getByRole('button', { name: '1 July 2027', exact: true }),
      dialog.getByRole('button', { name: '21 July 2027', exact: true }),
    ),
  );

  // What the dialog shows before saving: the rules in words, the range and the Sundays marked.
  await expect(dialog.getByLabel('Availability in words')).toHaveText(/^Never on Sundays; \d+ blackout days; not 1-21 Jul$/);
  await expect(dialog.getByRole('list', { name: 'Availability rules' }).getByRole('listitem')).toHaveText([
    'Never on Sundays',
    'Not 1-21 Jul',
  ]);
  await expect(dialog.getByRole('button', { name: '14 July 2027, unavailable' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '22 July 2027', exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '25 July 2027, unavailable' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '24 July 2027', exact: true })).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/availability-dialog-1280x800.png` });
  await app.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot({ path: `${SHOTS}/availability-dialog-1024x700.png` });
  await app.setViewportSize({ width: 1280, height: 800 });

  await act(dialog.getByRole('button', { name: 'Save availability' }).click());
  await expect(dialog).toBeHidden();
  expect(actions).toBeLessThan(10);
  expect(actions).toBe(7);
  await expect(memberRow(app).getByRole('cell').nth(7)).toContainText('Never on Sundays');
  await expect(memberRow(app).getByRole('cell').nth(7)).toContainText('not 1-21 Jul 2027');
  await app.screenshot({ path: `${SHOTS}/availability-members-1280x800.png` });

  // Generate July 2027 (three more actions) and see the result.
  await openPage(app, 'Propose');
  await chooseMonth(app, 2027, 7);
  await generateDraft(app);
  const mine = (await draftSlots(app)).filter((s) => s.endsWith(`: ${NAME}`));
  const days = mine.map((s) => /, (\w{3}) (\d+) Jul: /.exec(s)!);
  for (const [, weekday, day] of days) {
    expect(weekday, mine.join('\n')).not.toBe('Sun');
    expect(Number(day), mine.join('\n')).toBeGreaterThan(21);
  }
  await app.screenshot({ path: `${SHOTS}/availability-propose-1280x800.png` });
  // The slot editor says why: on a Sunday Alex may not, for the rule.
  await app.getByRole('button', { name: /^Tow Pilot, Sun 4 Jul: / }).click();
  await expect(
    app.getByRole('dialog').getByRole('list', { name: 'Not allowed: unavailable' }).getByRole('button', { name: NAME, exact: true }),
  ).toBeDisabled();
});

test('a per-role "prefer not" with a note by keyboard, in the member dialog; added twice it is listed once; removed again', async ({
  app,
}) => {
  test.slow();
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill(NAME);
  await memberRow(app)
    .getByRole('button', { name: `Edit ${NAME}` })
    .click();
  const dialog = app.getByRole('dialog', { name: `Edit ${NAME}` });
  await dialog.getByRole('button', { name: /^Availability: / }).click();

  await dialog.getByRole('button', { name: 'Prefer not' }).click();
  await dialog.getByRole('group', { name: 'Only for roles' }).getByRole('button', { name: 'Tow Pilot' }).click();
  await dialog.getByLabel('Note').fill('harvest');
  await dialog.getByLabel('First month shown').fill('2027-08');
  // Enter on one day, Shift+Enter on a later one: the range between them.
  await dialog.getByRole('button', { name: '2 August 2027', exact: true }).focus();
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: '2 August 2027, prefers not' })).toBeVisible();
  await dialog.getByRole('button', { name: '2 August 2027, prefers not' }).press('Enter');
  await dialog.getByRole('button', { name: '2 August 2027', exact: true }).focus();
  await app.keyboard.press('Enter');
  await dialog.getByRole('button', { name: '10 August 2027', exact: true }).focus();
  await app.keyboard.press('Shift+Enter');
  await dialog.getByRole('button', { name: 'Prefers not on Saturdays' }).click();
  await dialog.getByRole('button', { name: 'Prefers not on Saturdays' }).click();
  const rules = dialog.getByRole('list', { name: 'Availability rules' }).getByRole('listitem');
  await expect(rules).toHaveText([
    'Prefers not to be Tow Pilot 2 Aug (harvest)',
    'Prefers not to be Tow Pilot 2-10 Aug (harvest)',
    'Prefers not to be Tow Pilot on Saturdays (harvest)',
  ]);
  await dialog.getByRole('button', { name: 'Remove rule: prefers not to be Tow Pilot 2 Aug (harvest)' }).click();
  await expect(rules).toHaveCount(2);
  await app.screenshot({ path: `${SHOTS}/availability-member-dialog-1280x800.png` });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow(app).getByRole('cell').nth(7)).toContainText(
    /^Prefers not to be Tow Pilot on Saturdays \(harvest\); \d+ blackout days; prefers not to be Tow Pilot 2-10 Aug 2027 \(harvest\)$/,
  );

  // Reloaded from the backend: kept.
  await app.reload();
  await openPage(app, 'Members');
  await app.getByLabel('Search members').fill(NAME);
  await expect(memberRow(app).getByRole('cell').nth(7)).toContainText('Tow Pilot 2-10 Aug 2027 (harvest)');
});
