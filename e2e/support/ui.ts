/** Small helpers for driving Mantine controls the way a user does. */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Opens an action from the action bar, lets `fill` complete its form, submits, waits for the status. */
export async function act(page: Page, action: string, expectedStatus: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  await page.locator(`[data-testid="action-bar"] [data-action="${action}"]`).click();
  const form = page.getByTestId(`action-form-${action}`);
  await expect(form).toBeVisible();
  if (fill) await fill(form);
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', expectedStatus);
}
