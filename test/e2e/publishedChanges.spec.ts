import type { Page } from '@playwright/test';
import { JUNE, VERSION_CLUB } from '../main/backend/versionClub.ts';
import { expectImported, importClubFile } from './clubFiles.ts';
import { expect, openPage, test } from './fixtures.ts';

const SHOTS = 'test-results/screens';

/** The test club with June 2026 in its published history (Cat and Dan avoid each other; Cat is no instructor). */
const club = {
  ...VERSION_CLUB,
  published: Object.entries(JUNE).map(([date, [instructor, officer]]) => ({ date, slots: { instructor, duty_officer: officer } })),
};

/** The roster cell of a published duty: a button named "Role, day: member". */
const duty = (app: Page, roleTitle: string, day: string) =>
  app.getByRole('table', { name: 'Published roster June 2026' }).getByRole('button', { name: new RegExp(`^${roleTitle}, ${day}: `) });

test('a cover and a swap are recorded from the Published page, shown in the history, and an earlier version restored', async ({ app }) => {
  test.setTimeout(300_000);
  await openPage(app, 'Members');
  await importClubFile(app, club);
  await expectImported(app, 7);
  await openPage(app, 'Published');
  await app
    .getByRole('list', { name: 'Published months' })
    .getByRole('button', { name: /June 2026/ })
    .click();
  await expect(app.getByText(/^Version 1, published/)).toBeVisible();

  // Cover: Bob takes Ann's Duty Officer duty on 13 June.
  await expect(duty(app, 'Duty Officer', 'Sat 13 Jun')).toHaveAccessibleName('Duty Officer, Sat 13 Jun: Ann Lee');
  await duty(app, 'Duty Officer', 'Sat 13 Jun').click();
  await app.getByRole('menuitem', { name: 'Cover / replace…' }).click();
  const cover = app.getByRole('dialog', { name: 'Cover / replace: Duty Officer on Sat 13 Jun' });
  await expect(cover.getByText('Ann Lee is on duty now. Choose who takes over.')).toBeVisible();
  // Dan holds no Duty Officer rating; Gus is at his monthly limit: both listed under their rule.
  await expect(cover.getByRole('list', { name: 'Not allowed: not qualified' })).toContainText('Dan Poe');
  await expect(cover.getByRole('list', { name: 'Not allowed: at monthly limit' })).toContainText('Gus Tan');
  await cover.getByRole('button', { name: /^Bob Ray/ }).click();
  await expect(cover.getByRole('alert').or(cover.locator('.MuiAlert-standardWarning'))).toContainText(
    'Bob Ray is also Duty Officer on Sun 14 Jun, the neighbouring duty day.',
  );
  await cover.getByLabel('Note').fill('Ann is ill');
  await app.screenshot({ path: `${SHOTS}/cover-dialog-1280x800.png` });
  await cover.getByRole('button', { name: 'Record: Bob Ray takes over' }).click();
  await expect(cover).toBeHidden();
  await expect(app.getByText(/Bob Ray covers Ann Lee as Duty Officer on Sat 13 Jun; June 2026 is now version 2\./)).toBeVisible();
  await expect(duty(app, 'Duty Officer', 'Sat 13 Jun')).toHaveAccessibleName('Duty Officer, Sat 13 Jun: Bob Ray');
  await expect(app.getByText(/^Version 2, published/)).toBeVisible();

  // Swap: Bob (Instructor, 7 June) and Ann (Instructor, 27 June).
  await duty(app, 'Instructor', 'Sun 7 Jun').click();
  await app.getByRole('menuitem', { name: 'Swap…' }).click();
  const swap = app.getByRole('dialog', { name: 'Swap: Instructor on Sun 7 Jun' });
  const duties = swap.getByRole('list', { name: 'Duties to swap with' });
  // A swap that breaks a hard rule is offered with the rule's sentence and cannot be chosen.
  const refused = duties.getByRole('button', { name: /^Sat 6 Jun, Duty Officer: Cat Fox/ });
  await expect(refused).toBeDisabled();
  await expect(refused).toContainText('Cat Fox may not be Instructor: not qualified.');
  await duties.getByRole('button', { name: /^Sat 27 Jun, Instructor: Ann Lee/ }).click();
  await swap.getByLabel('Note').fill('Bob is away early June');
  await app.screenshot({ path: `${SHOTS}/swap-dialog-1280x800.png` });
  await swap.getByRole('button', { name: 'Swap with Ann Lee' }).click();
  await expect(swap).toBeHidden();
  await expect(app.getByText(/Swapped: Ann Lee is Instructor on Sun 7 Jun, Bob Ray is Instructor on Sat 27 Jun/)).toBeVisible();
  await expect(duty(app, 'Instructor', 'Sun 7 Jun')).toHaveAccessibleName('Instructor, Sun 7 Jun: Ann Lee');
  await expect(duty(app, 'Instructor', 'Sat 27 Jun')).toHaveAccessibleName('Instructor, Sat 27 Jun: Bob Ray');

  // The history: newest first, each version with why, its note and what it changed.
  await app.getByRole('button', { name: 'History', exact: true }).click();
  const history = app.getByRole('dialog', { name: 'History of June 2026' });
  const version = (n: number) => history.getByRole('region', { name: `Version ${n}`, exact: true });
  await expect(version(3)).toContainText('Swap');
  await expect(version(3)).toContainText('Current');
  await expect(version(3).getByRole('list', { name: 'Changes from version 2' }).getByRole('listitem')).toHaveText([
    'Instructor, Sun 7 Jun: Bob Ray → Ann Lee',
    'Instructor, Sat 27 Jun: Ann Lee → Bob Ray',
  ]);
  await expect(version(2)).toContainText('Cover');
  await expect(version(2)).toContainText('“Ann is ill”');
  await expect(version(2).getByRole('listitem')).toHaveText(['Duty Officer, Sat 13 Jun: Ann Lee → Bob Ray']);
  await expect(version(1)).toContainText('Imported');
  await expect(version(1)).toContainText('First version of the month.');
  await expect(version(3).getByRole('button', { name: 'Restore this version' })).toHaveCount(0);
  await app.screenshot({ path: `${SHOTS}/version-history-1280x800.png` });

  // Restore version 1: asked first, with Cancel focused (Enter changes nothing).
  await version(1).getByRole('button', { name: 'Restore this version' }).click();
  const confirm = app.getByRole('dialog', { name: 'Restore version 1?' });
  await expect(confirm).toContainText('as version 4');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot({ path: `${SHOTS}/restore-confirm-1280x800.png` });
  await app.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(version(4)).toHaveCount(0);
  await version(1).getByRole('button', { name: 'Restore this version' }).click();
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(version(4)).toContainText('Restored v1');
  await expect(version(4)).toContainText('Current');
  await expect(version(4).getByRole('listitem')).toHaveCount(3);
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByText(/^Version 4, published/)).toBeVisible();
  await expect(duty(app, 'Duty Officer', 'Sat 13 Jun')).toHaveAccessibleName('Duty Officer, Sat 13 Jun: Ann Lee');
  await expect(duty(app, 'Instructor', 'Sun 7 Jun')).toHaveAccessibleName('Instructor, Sun 7 Jun: Bob Ray');
});
