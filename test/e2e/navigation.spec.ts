import { expect, test } from './fixtures.ts';

test('the pages are reachable from the navigation by keyboard, under the club name', async ({ app }) => {
  await expect(app.getByRole('banner')).toContainText('Kestrel Ridge Gliding Club');
  await expect(app).toHaveTitle(/Kestrel Ridge Gliding Club/);
  const navigation = app.getByRole('navigation', { name: 'Pages' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Propose',
    'Compare',
    'What-if',
    'Members',
    'Settings',
    'Activity',
    'Published',
    'Season',
  ]);
  await expect(app.getByRole('heading', { name: 'Propose roster' })).toBeVisible();

  await navigation.getByRole('link', { name: 'Propose' }).focus();
  for (let step = 0; step < 4; step++) await app.keyboard.press('Tab');
  await expect(navigation.getByRole('link', { name: 'Settings' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');

  await app.keyboard.press('Tab');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Activity', exact: true })).toBeVisible();
});
