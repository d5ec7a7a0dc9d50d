import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Screenshots for people to look at (not compared): test-results/screens/<name>.png */
export const SCREENS = 'test-results/screens';

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENS, { recursive: true });
	await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** No number on screen may ever read NaN, Infinity or undefined. */
export async function expectNoBrokenNumbers(page: Page): Promise<void> {
	const text = await page.locator('body').innerText();
	expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b/);
}

export async function acknowledgeSafety(page: Page): Promise<void> {
	const note = page.getByTestId('safety-note');
	await expect(note).toBeVisible();
	await note.getByRole('button', { name: 'I understand' }).click();
	await expect(note).toBeHidden();
}

/** Collects uncaught page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}
