// The popup's search form as a user fills it in the e2e tests.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Types into a station field, waits for the suggestions, and picks the first with Enter. */
export async function pickStation(popup: Page, field: '#from' | '#to', typed: string, expected: string): Promise<void> {
  const input = popup.locator(field);
  await input.fill('');
  await input.pressSequentially(typed, { delay: 20 });
  await popup.locator(`${field}-list [role=option]`).first().waitFor();
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(expected);
}
