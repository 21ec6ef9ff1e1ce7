/** axe-core finds no serious or critical violation on the list, workspace, new-complaint form, post room and settings. */
import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test.use({ harnessArgs: ['--seed-demo', '60'] });

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations (${scheme} theme)`, async ({ plaint }) => {
    const { page } = plaint;
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByTestId('view-closed').click();
    await expect(page.locator('[data-testid="case-rows"] [role="row"][data-case-id]').first()).toBeVisible();
    expect(await seriousViolations(page), 'case list').toEqual([]);
    await page.locator('[data-testid="case-rows"] [role="row"][data-case-id]').first().click();
    await expect(page.getByTestId('page-case')).toBeVisible();
    expect(await seriousViolations(page), 'case workspace').toEqual([]);
    await page.getByTestId('nav-new-case').click();
    await expect(page.getByTestId('page-new-case')).toBeVisible();
    expect(await seriousViolations(page), 'new complaint form').toEqual([]);
    await page.getByTestId('nav-postRoom').click();
    await expect(page.getByTestId('letter-kind')).toBeFocused();
    expect(await seriousViolations(page), 'incoming post register').toEqual([]);
    for (const tab of ['outgoing', 'day-book', 'email'] as const) {
      await page.getByTestId(`post-tab-${tab}`).click();
      expect(await seriousViolations(page), `post room: ${tab}`).toEqual([]);
    }
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('page-settings')).toBeVisible();
    expect(await seriousViolations(page), 'settings').toEqual([]);
  });
}
