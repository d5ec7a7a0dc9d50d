import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

/**
 * Without a camera: build a routine of two guided timers, save it, play it with the test-only
 * short dose (`?dose=short`: each timer one 3 s round, the "Next:" pause 3 s) and let it run to
 * its summary on its own; then edit and delete it. Also the demo figure and the setup guidance
 * on the exercise pages, the reduced-motion still pose, and a routine that does not exist.
 */

test('builds, plays, edits and deletes a routine of guided timers', async ({ page }) => {
	test.setTimeout(120_000);
	const errors = collectPageErrors(page);
	await page.goto('/routines');
	await expect(page.getByText('None yet.')).toBeVisible();
	await page.getByTestId('build-routine').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build a routine');
	await expect(page.getByTestId('save-routine')).toBeDisabled();

	await page.getByTestId('routine-name').fill('Floor wind-down');
	await page.getByRole('button', { name: 'Add Upper-back foam roll', exact: true }).click();
	await page.getByRole('button', { name: 'Add Neck rolls' }).click();
	await page.getByRole('button', { name: 'Add Wall angels' }).click();
	const chosen = page.getByTestId('chosen').locator('li');
	await expect(chosen).toHaveCount(3);
	// Reorder: neck roll first; drop the wall angels.
	await page.getByRole('button', { name: 'Move Neck rolls up' }).click();
	await page.getByRole('button', { name: 'Remove Wall angels' }).click();
	await expect(chosen).toHaveCount(2);
	await expect(chosen.nth(0)).toContainText('Neck rolls');
	await expect(page.getByTestId('builder-length')).toContainText('2 moves, about');
	await screenshot(page, 'routine-builder-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'routine-builder-phone');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByTestId('save-routine').click();

	await expect(page).toHaveURL(/\/routines$/);
	const card = page.getByTestId('custom-routines').locator('[data-routine]');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText('Floor wind-down');
	await expect(card).toContainText('camera off, timers only');
	await screenshot(page, 'routines-with-custom-1280');
	const href = await card.getByRole('link', { name: 'Start Floor wind-down' }).getAttribute('href');
	expect(href).toMatch(/\/routines\/play\?id=custom-/);

	// Play it with the short dose: it runs to the summary by itself.
	await page.goto(`${href}&dose=short`);
	await acknowledgeSafety(page);
	await page.getByTestId('start-routine').click();
	await expect(page.getByTestId('next-name')).toHaveText('Neck rolls');
	const timer = page.getByTestId('timer-item');
	await expect(timer).toBeVisible({ timeout: 10_000 });
	await expect(timer).toHaveAttribute('data-exercise', 'neck-roll');
	await screenshot(page, 'routine-timer-1280');
	await expect(page.getByTestId('next-name')).toHaveText('Upper-back foam roll', {
		timeout: 15_000
	});
	await expect(page.getByTestId('setup-guide')).toContainText('Laptop on the floor');
	await screenshot(page, 'routine-next-floor-1280');
	const summary = page.getByTestId('routine-summary');
	await expect(summary).toBeVisible({ timeout: 20_000 });
	const rows = summary.getByTestId('summary-row');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toHaveAttribute('data-status', 'done');
	await expect(rows.nth(1)).toHaveAttribute('data-status', 'done');
	await expect(rows.nth(0)).toContainText('1 of 1 round');
	await expect(page.getByTestId('summary-done')).toHaveText('2 of 2');
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'routine-summary-timers-1280');

	// Edit: rename; then delete.
	await page.goto('/routines');
	await page.getByRole('link', { name: 'Edit Floor wind-down' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit routine');
	await expect(page.getByTestId('chosen').locator('li')).toHaveCount(2);
	await page.getByTestId('routine-name').fill('Wind-down');
	await page.getByTestId('save-routine').click();
	await expect(card).toContainText('Wind-down');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Delete Wind-down' }).click();
	await expect(page.getByText('None yet.')).toBeVisible();
	expect(errors).toEqual([]);
});

test('exercise pages show the demo figure and where to put the laptop', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/wall-angels');
	await acknowledgeSafety(page);
	const demo = page.getByTestId('demo');
	await expect(demo).toBeVisible();
	await expect(demo).toContainText('Seen from the front');
	await expect(demo.locator('canvas')).toHaveAttribute('data-still', 'false');
	await expect(page.getByTestId('set-panel')).toContainText('Set 1 of 2 · 0 of 10 reps');
	await expect(page.getByTestId('setup-guide')).toContainText('Face the camera');
	await screenshot(page, 'workout-demo-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-demo-phone');

	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/workout/thoracic-extension-floor');
	await expect(page.getByTestId('setup-guide')).toContainText('Laptop on the floor');
	await expect(page.getByTestId('setup-guide')).toContainText('left shoulder to the camera');
	await expect(page.getByTestId('demo')).toContainText('Seen from the side');
	await screenshot(page, 'workout-floor-1280');

	await page.goto('/workout/neck-side-tilt');
	await expect(page.getByTestId('set-panel')).toContainText('Left side now');
	await screenshot(page, 'workout-side-hold-1280');

	await page.goto('/workout/upper-back-foam-roll');
	await expect(page.getByTestId('setup-guide')).toContainText('camera stays off');
	await expect(page.getByTestId('setup-guide')).toContainText('under your back');
	await expect(page.getByTestId('demo')).toHaveCount(0);
	await screenshot(page, 'workout-floor-timer-1280');

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/workout/seated-row');
	await expect(page.getByTestId('demo').locator('canvas')).toHaveAttribute('data-still', 'true');
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('a routine that does not exist says so', async ({ page }) => {
	await page.goto('/routines/play?id=custom-nope');
	await expect(page.getByRole('alert')).toContainText('There is no such routine');
	await page.goto('/');
	await expect(page.getByTestId('home-routines').locator('[data-routine]')).toHaveCount(3);
	await screenshot(page, 'home-routines-1280');
});

for (const scheme of ['light', 'dark'] as const) {
	test(`routine pages have no WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.addInitScript(() => localStorage.setItem('scapula:safety-acknowledged', 'true'));
		const found: string[] = [];
		const check = async (where: string) => {
			const result = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			expect(result.passes.length).toBeGreaterThan(10);
			for (const v of result.violations) {
				found.push(`${where}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			}
		};
		await page.goto('/routines');
		await check('list');
		await page.goto('/routines/build');
		await page.getByRole('button', { name: 'Add Wall angels' }).click();
		await check('builder');
		await page.goto('/routines/play?id=morning-mobility&dose=short');
		await check('overview');
		await page.getByTestId('start-routine').click();
		await page.getByTestId('pause').click();
		await check('next');
		await page.getByTestId('end-routine').click();
		await expect(page.getByTestId('routine-summary')).toBeVisible();
		await check('summary');
		await page.goto('/workout/neck-side-tilt');
		await check('workout with set panel and demo');
		expect(found).toEqual([]);
	});
}
