import type { Page } from '@playwright/test';
import { chooseMonth, expect, generateDraft, openPage, slot, test } from './fixtures.ts';

/**
 * The changed pages at the two window sizes the club uses: nothing scrolls sideways or is clipped,
 * and the navigation keeps its labels. Screenshots land in test-results/screens for a look.
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
];

async function shot(app: Page, name: string): Promise<void> {
  const { width, height } = app.viewportSize()!;
  await app.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
}

/**
 * The page does not scroll sideways, nothing in the main area sticks out of it, and no table or chart
 * scrolls sideways inside its own box (which clips columns just the same).
 */
async function expectNoSidewaysScroll(app: Page): Promise<void> {
  const overflow = await app.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('main')!.getBoundingClientRect();
    const name = (el: Element) =>
      el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? el.tagName.toLowerCase();
    const all = [...document.querySelectorAll('main *')];
    // Visually hidden text (1 px boxes for screen readers) is clipped on purpose.
    const scrolling = all.filter(
      (el) =>
        el.clientWidth > 1 && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1,
    );
    const sticking = all.filter((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      for (let up = el.parentElement; up && up.tagName !== 'MAIN'; up = up.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
      }
      return box.right > main.right + 1;
    });
    return {
      page: root.scrollWidth - root.clientWidth,
      scrolling: scrolling.map(name).slice(0, 5),
      sticking: sticking.map(name).slice(0, 5),
    };
  });
  expect(overflow).toEqual({ page: 0, scrolling: [], sticking: [] });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('Compare, Activity, Members and the slot dialog fit the window', async ({ app }) => {
      await app.setViewportSize(size);
      const navigation = app.getByRole('navigation', { name: 'Pages' });
      for (const name of ['Propose', 'Compare', 'What-if', 'Members', 'Settings', 'Activity', 'Published', 'Season']) {
        await expect(navigation.getByRole('link', { name })).toBeVisible();
      }
      // Below 1200 px the navigation is a rail of icons (still links with their names), leaving the page the room.
      const navigationWidth = (await navigation.boundingBox())!.width;
      if (size.width < 1200) expect(navigationWidth).toBeLessThan(80);
      else expect(navigationWidth).toBeGreaterThan(150);

      await openPage(app, 'Compare');
      await chooseMonth(app, 2027, 6);
      await app.getByRole('button', { name: 'Run comparison' }).click();
      await expect(app.getByRole('table', { name: 'Optimizer roster' })).toBeVisible({ timeout: 60_000 });
      await expectNoSidewaysScroll(app);
      await shot(app, 'compare');

      await openPage(app, 'Activity');
      await expect(app.getByRole('table', { name: 'Recent runs' })).toBeVisible();
      await expectNoSidewaysScroll(app);
      await shot(app, 'activity');

      await openPage(app, 'Members');
      await expect(app.getByRole('table', { name: 'Members' })).toBeVisible();
      await expectNoSidewaysScroll(app);
      await shot(app, 'members');

      await openPage(app, 'Propose');
      await generateDraft(app);
      await expectNoSidewaysScroll(app);
      await slot(app, 'Instructor', 'Sat 5 Jun').click();
      await expect(app.getByRole('dialog', { name: 'Instructor on Sat 5 Jun' }).getByRole('list', { name: 'Members' })).toBeVisible();
      await shot(app, 'slot-dialog');
    });
  });
}
