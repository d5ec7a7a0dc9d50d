import { expect, test, type Page } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

/**
 * The Desk break routine from the list to the summary, with Chromium's fake camera (a person
 * facing the camera, raising both arms: tests/fixtures/media/tfjs_pose_1.mp4). `?dose=short`
 * (a test-only flag, see src/routes/routines/play/+page.svelte) makes every item one rep or one
 * 3 s hold and the "Next:" pause 3 s. The clip shows the front, so the side-on items never
 * count: the test checks their "turn sideways" prompt and skips them, and walks every screen:
 * list → overview → next → camera item (skip) → next (auto-start) → camera item (pause, resume,
 * skip) → next (skip) → summary.
 */

async function shoot(page: Page, name: string) {
	await screenshot(page, `${name}-1280`);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, `${name}-phone`);
	if (size) await page.setViewportSize(size);
}

test('runs the Desk break routine from the list to its summary', async ({ page }) => {
	test.setTimeout(300_000);
	const errors = collectPageErrors(page);

	await page.goto('/routines');
	await expect(page.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
	await expect(page.locator('[data-routine]')).toHaveCount(3);
	await expect(page.locator('[data-routine="desk-break"]')).toContainText('3 min');
	await shoot(page, 'routines-list');
	await page.getByRole('link', { name: 'Start Desk break' }).click();
	await expect(page).toHaveURL(/\/routines\/play\?id=desk-break$/);

	// The same routine with the short test dose.
	await page.goto('/routines/play?id=desk-break&dose=short');
	await expect(page.getByTestId('start-routine')).toBeDisabled();
	await acknowledgeSafety(page);
	const overview = page.getByTestId('overview');
	await expect(overview).toContainText('Shoulder rolls');
	await expect(overview).toContainText('Wall stretch');
	await shoot(page, 'routine-overview');
	await page.getByTestId('start-routine').click();

	// 1. Next: shoulder rolls, with its demo; pausing stops the countdown.
	const next = page.getByTestId('next-up');
	await expect(next.getByTestId('next-name')).toHaveText('Shoulder rolls');
	await expect(page.getByTestId('player-announcer')).toHaveText('Next: shoulder rolls, 1 rep.');
	await expect(next.getByTestId('demo')).toBeVisible();
	await page.getByTestId('pause').click();
	await expect(next).toContainText('Paused');
	await shoot(page, 'routine-next');
	await page.waitForTimeout(3500);
	await expect(next).toBeVisible();
	await page.getByTestId('resume').click();
	await page.getByTestId('begin-item').click();

	// The camera item: tracking and the set panel. One shoulder roll may or may not register
	// from the clip's arm raise (then the routine moves on by itself): skip unless it did.
	const rolls = page.locator('[data-testid="camera-item"][data-exercise="shoulder-rolls"]');
	await expect(rolls).toBeVisible();
	await expect(rolls.getByTestId('set-panel')).toBeVisible();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await shoot(page, 'routine-camera-item');
	const skipRolls = rolls.getByTestId('skip');
	if (await skipRolls.isVisible()) await skipRolls.click({ timeout: 5_000 }).catch(() => {});

	// 2. Neck nods start on their own after the short pause; the clip faces the camera, so the
	// coach asks to turn sideways, naming the shoulder.
	await expect(page.getByTestId('next-name')).toHaveText(/Neck nod/);
	const nods = page.locator('[data-testid="camera-item"][data-exercise="neck-flexion-extension"]');
	await expect(nods).toBeVisible({ timeout: 15_000 });
	await expect(page.getByTestId('setup')).toContainText(
		/Turn sideways, (left|right) shoulder to the camera/,
		{ timeout: 120_000 }
	);
	await shoot(page, 'routine-side-prompt');
	// Pause stops the camera, resume starts it again (this side-on item cannot count from the
	// front-facing clip, so it stays on screen however long that takes).
	await nods.getByTestId('pause').click();
	await expect(page.getByTestId('tracking-status')).toHaveCount(0);
	await nods.getByTestId('resume').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 60_000 });
	await nods.getByTestId('skip').click();

	// 3. Skip the wall stretch from its "Next:" screen.
	await expect(page.getByTestId('next-name')).toHaveText('Wall stretch');
	await expect(page.getByTestId('setup-guide')).toContainText('left shoulder to the camera');
	await page.getByTestId('skip').click();

	// The summary: one row per item, the side-on ones skipped.
	const summary = page.getByTestId('routine-summary');
	await expect(summary).toBeVisible();
	const rows = summary.getByTestId('summary-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0)).toContainText('Shoulder rolls');
	await expect(rows.nth(1)).toHaveAttribute('data-status', 'skipped');
	await expect(rows.nth(2)).toHaveAttribute('data-status', 'skipped');
	await expect(rows.nth(2)).toContainText('Skipped');
	await expect(page.getByTestId('player-announcer')).toHaveText(/Routine (done|ended)/);
	await shoot(page, 'routine-summary');
	await expectNoBrokenNumbers(page);

	// Again goes back to the first item.
	await page.getByTestId('again').click();
	await expect(page.getByTestId('next-name')).toHaveText('Shoulder rolls');
	await page.getByTestId('end-routine').click();
	await expect(summary).toBeVisible();
	expect(errors).toEqual([]);
});
