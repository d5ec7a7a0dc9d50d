import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectPageErrors, expectNoBrokenNumbers } from './helpers';
import { shoot } from './posture-helpers';

/**
 * Work mode without a camera (launched without fake-camera flags: getUserMedia rejects with
 * NotFoundError): the page explains, keeps the camera off, and reads well in both colour
 * schemes, wide and on a phone.
 */

test('work mode without a camera: explains, camera stays off, nothing broken', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Work mode' })
		.click();
	await expect(page).toHaveURL(/\/posture$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Work mode' })).toBeVisible();
	await expect(page.getByTestId('camera-indicator')).toHaveText('Camera off');
	await expect(page.getByTestId('today')).toContainText(
		'Start the monitor and the day fills in here'
	);
	await shoot(page, 'posture-start');

	await page.getByTestId('start').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toContainText('No camera found');
	// This page has no video-file option, so the message does not offer one.
	await expect(problem).not.toContainText(/video file/i);
	await expect(page.getByTestId('camera-indicator')).toHaveText('Camera off');
	await expect(page.getByTestId('start')).toHaveText('Try again');
	await shoot(page, 'posture-no-camera');

	// Options are the stored settings: sensitivity chosen here shows on the Settings page.
	await page.getByText('Strict', { exact: true }).click();
	await expect(page.getByTestId('options')).toContainText('Small drifts count too');
	await page.getByTestId('setting-grace').fill('45');
	await page.getByTestId('setting-grace').blur();
	await page.goto('/settings');
	await expect(page.getByLabel(/strict/i)).toBeChecked();
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('without Document Picture-in-Picture the page says what happens instead', async ({ page }) => {
	// Chromium has the API; a browser without it (Firefox, Safari, phones) is this.
	await page.addInitScript(() => {
		delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture;
	});
	await page.goto('/posture');
	await expect(page.getByTestId('pip-toggle')).toHaveCount(0);
	await expect(page.getByTestId('pip-unsupported')).toContainText(
		'this tab keeps checking in the background'
	);
	await expect(page.getByTestId('pip-unsupported')).toContainText('desktop notifications');
	await shoot(page, 'posture-no-pip');
});

for (const scheme of ['light', 'dark'] as const) {
	test(`work mode has no WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/posture');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const result = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(result.passes.map((p) => p.id)).toContain('color-contrast');
		expect(
			result.violations.map(
				(v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
			)
		).toEqual([]);
	});
}
