import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { collectPageErrors, screenshot } from './helpers';
import { historyFixture } from './history-fixture';

// Accessibility: axe-core (WCAG 2.1 A and AA rules, colour contrast included) on every page in
// light and dark mode, every control reachable with Tab, and settings changed by keyboard alone.

const PAGES = [
	'/',
	'/history',
	'/settings',
	'/workout/overhead-arm-reach', // camera-checked
	'/workout/upper-back-foam-roll', // guided timer
	'/workout/cat-cow', // camera-checked, on the floor
	'/routines/play?id=desk-break',
	'/no-such-page' // the 404 page
];

async function seedHistory(page: Page) {
	mkdirSync('test-results/a11y', { recursive: true });
	const path = 'test-results/a11y/fixture.json';
	writeFileSync(path, JSON.stringify(historyFixture()));
	await page.goto('/history');
	await page.getByTestId('import-input').setInputFiles(path);
	await expect(page.getByTestId('workout-row').first()).toBeVisible();
}

/** Waits until the page has rendered its content (history and settings read storage first). */
async function settled(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Reading your history…')).toHaveCount(0);
	// The app saves itself for offline use a few seconds after the page loads
	// (app/offline-install.ts), and Settings then says so: wait for that page update too, so
	// the page is not changing under a walk through its controls.
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 60_000
	});
	const offline = page.getByTestId('offline-status');
	if ((await offline.count()) > 0) {
		await expect(offline.locator('[data-worker]')).toHaveAttribute('data-worker', 'ready');
	}
}

async function axe(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	// It really checked something (rules that passed, contrast among them).
	expect(result.passes.length).toBeGreaterThan(10);
	expect(result.passes.map((p) => p.id)).toContain('color-contrast');
	return result.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')
	);
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no WCAG 2.1 AA violations on any page (${scheme})`, async ({ page }) => {
		const errors = collectPageErrors(page);
		await page.emulateMedia({ colorScheme: scheme });
		await seedHistory(page);
		const found: string[] = [];
		for (const path of PAGES) {
			await page.goto(path);
			await settled(page);
			for (const v of await axe(page)) found.push(`${path}: ${v}`);
		}
		// The safety note accepted, the workout page as people use it most.
		await page.evaluate(() => localStorage.setItem('scapula:safety-acknowledged', 'true'));
		await page.goto('/workout/overhead-arm-reach');
		await settled(page);
		for (const v of await axe(page)) found.push(`/workout (acknowledged): ${v}`);
		// History with every disclosure open (the number tables).
		await page.goto('/history');
		await settled(page);
		for (const s of await page.getByText('Show the numbers').all()) await s.click();
		for (const v of await axe(page)) found.push(`/history (tables open): ${v}`);
		expect(found, found.join('\n')).toEqual([]);
		expect(errors).toEqual([]);
	});
}

/**
 * Tabs through the page and returns a description of every element that took focus, until
 * focus comes back round to the first one (or a generous limit).
 */
async function tabOrder(page: Page, limit = 200): Promise<string[]> {
	await page.locator('body').click({ position: { x: 1, y: 1 } });
	const seen: string[] = [];
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const id = await page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			// A stable identity: the element's index among all elements.
			return String([...document.querySelectorAll('*')].indexOf(el));
		});
		if (id === null) continue;
		if (seen.includes(id)) break;
		seen.push(id);
	}
	return seen;
}

/** Every control a mouse user can operate, as the same index identities tabOrder gives. */
async function operable(page: Page): Promise<Array<{ id: string; what: string; radio?: string }>> {
	return page.evaluate(() => {
		const all = [...document.querySelectorAll('*')];
		const controls = document.querySelectorAll<HTMLElement>(
			'a[href], button, input, select, textarea, summary, [tabindex]'
		);
		return [...controls]
			.filter((el) => {
				if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
				const style = getComputedStyle(el);
				if (style.visibility === 'hidden' || style.display === 'none') return false;
				// Visually hidden file inputs are driven by their visible buttons.
				return !(el instanceof HTMLInputElement && el.type === 'file');
			})
			.map((el) => ({
				id: String(all.indexOf(el)),
				what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
				radio: el instanceof HTMLInputElement && el.type === 'radio' ? el.name : undefined
			}));
	});
}

for (const path of ['/history', '/settings']) {
	test(`every control on ${path} is reachable with the keyboard`, async ({ page }) => {
		await seedHistory(page);
		await page.goto(path);
		await settled(page);
		const order = await tabOrder(page);
		const controls = await operable(page);
		expect(controls.length).toBeGreaterThan(5);
		const missed = controls.filter((c) => {
			if (order.includes(c.id)) return false;
			// A radio group is one tab stop (arrow keys move within it).
			if (c.radio) {
				return !controls.some((o) => o.radio === c.radio && order.includes(o.id));
			}
			return true;
		});
		expect(missed.map((m) => m.what)).toEqual([]);
	});
}

test('settings change with the keyboard alone and are remembered on the next visit', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	await page.goto('/settings');
	await settled(page);
	await screenshot(page, 'settings-1280');

	// Volume: arrow keys on the slider (steps of 5%).
	await page.getByTestId('setting-volume').focus();
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
	await expect(page.locator('output[for="volume"]')).toHaveText('80%');
	// Sensitivity: arrows move within the radio group.
	await page.getByRole('radio', { name: /Normal/ }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: /Strict/ })).toBeChecked();
	// Grace period: type a number.
	await page.getByTestId('setting-grace').focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('90');
	await page.keyboard.press('Tab');
	// Quiet hours on with the space bar.
	await page.getByTestId('setting-quiet').focus();
	await page.keyboard.press('Space');
	await expect(page.getByLabel('Quiet hours start')).toBeEnabled();
	// The engine, by keyboard on the select.
	await page.getByTestId('setting-backend').selectOption('wasm');

	await page.reload();
	await settled(page);
	await expect(page.locator('output[for="volume"]')).toHaveText('80%');
	await expect(page.getByRole('radio', { name: /Strict/ })).toBeChecked();
	await expect(page.getByTestId('setting-grace')).toHaveValue('90');
	await expect(page.getByTestId('setting-quiet')).toBeChecked();
	await expect(page.getByTestId('setting-backend')).toHaveValue('wasm');

	// Out-of-range input is clamped, not stored as typed.
	await page.getByTestId('setting-grace').fill('1');
	await page.getByTestId('setting-grace').press('Tab');
	await expect(page.getByTestId('setting-grace')).toHaveValue('5');

	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'settings-phone');
	await page.emulateMedia({ colorScheme: 'dark' });
	await screenshot(page, 'settings-dark-phone');
	await page.setViewportSize({ width: 1280, height: 800 });
	await screenshot(page, 'settings-dark-1280');

	await page.getByTestId('restore-defaults').click();
	await expect(page.locator('output[for="volume"]')).toHaveText('100%');
	await expect(page.getByRole('radio', { name: /Normal/ })).toBeChecked();
	expect(errors).toEqual([]);
});
