/**
 * Issue 18: the screens of a day's work at 1366×768 (a common office laptop), in English and
 * Latvian: the case workspace, the post-room register and the outgoing post. Each fits the width
 * (no sideways scrolling, nothing pushed off the right edge), keeps its main controls on screen
 * without scrolling, and is attached as a screenshot. The case list's own check (15 rows) is in
 * case-list-daily.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { choose, screenshot } from './support/ui';

test.use({ harnessArgs: ['--seed-demo', '60'] });

const WIDTH = 1366;
const HEIGHT = 768;
const ROWS = '[data-testid="case-rows"] [role="row"][data-case-id]';

/** How far the page is wider than the window (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The control is wholly inside the window as first shown (no scrolling needed to reach it). */
async function expectOnScreen(control: Locator, label: string): Promise<void> {
  await expect(control, label).toBeVisible();
  const box = await control.boundingBox();
  expect(box, label).not.toBeNull();
  if (!box) return;
  expect(box.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${label}: right edge`).toBeLessThanOrEqual(WIDTH + 1);
  expect(box.y + box.height, `${label}: bottom edge`).toBeLessThanOrEqual(HEIGHT + 1);
}

test('at 1366×768 the workspace, the register and the outgoing post fit the screen, in English and Latvian', async ({ plaint }, testInfo) => {
  const { page } = plaint;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  for (const language of ['en', 'lv'] as const) {
    if (language === 'lv') await choose(page, page.getByTestId('language-select'), 'Latviešu');

    // The workspace of an open case: its status, deadlines and actions in view.
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('view-all-open').click();
    await page.locator(ROWS).first().click();
    await expect(page.getByTestId('case-status')).toBeVisible();
    await expectOnScreen(page.getByTestId('case-status'), `${language}: case status`);
    await expectOnScreen(page.getByTestId('action-bar'), `${language}: action bar`);
    expect(await overflow(page), `${language}: workspace overflow`).toBeLessThanOrEqual(0);
    // Issue 18: the restriction button's label whole ("Ierobežot…" was cut), in one line.
    const restrict = page.getByTestId('restrict-open');
    await expectOnScreen(restrict, `${language}: restrict button`);
    await expect(restrict).toHaveText(language === 'en' ? /^(Restrict access|Change restriction)…$/ : /^(Ierobežot piekļuvi|Mainīt ierobežojumu)…$/);
    expect(
      await restrict.locator('.mantine-Button-label').evaluate((label) => label.scrollWidth - label.clientWidth),
      `${language}: restrict label cut`,
    ).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, `workspace-1366x768-${language}`);
    if (language === 'en') {
      // A letter to post: the outgoing post is then shown with work in it.
      await page.getByTestId('generate-letter').click();
      const composer = page.getByTestId('letter-composer');
      await expect(composer.getByTestId('letter-text')).not.toHaveValue('');
      await composer.getByTestId('finalise-letter').click();
      await expect(composer).toBeHidden();
    }

    // The register: the first field has the focus and the form starts in view.
    await page.getByTestId('nav-postRoom').click();
    await expect(page.getByTestId('letter-kind')).toBeFocused();
    await expectOnScreen(page.getByTestId('letter-kind'), `${language}: letter kind`);
    expect(await overflow(page), `${language}: register overflow`).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, `register-1366x768-${language}`);

    // Outgoing post: the letters awaiting posting.
    await page.getByTestId('post-tab-outgoing').click();
    const waiting = page.getByTestId('awaiting-posting').locator('[data-letter-id]').first();
    await expectOnScreen(waiting.getByTestId('log-posting'), `${language}: log posting`);
    // Issue 18: the case reference on a single line (it wrapped onto two in Latvian).
    expect(await waiting.getByTestId('outgoing-reference').evaluate((link) => link.getClientRects().length), `${language}: reference lines`).toBe(1);
    expect(await overflow(page), `${language}: outgoing overflow`).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, `outgoing-1366x768-${language}`);
  }
});
