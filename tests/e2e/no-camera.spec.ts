import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

// Launched without fake-camera flags: getUserMedia rejects with NotFoundError.

test('home page lists the exercises and asks for the safety note once', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await page.locator('[data-exercise]').count()).toBeGreaterThanOrEqual(6);
	await expect(page.locator('[data-exercise="overhead-arm-reach"]')).toContainText('Overhead');
	await screenshot(page, 'home-1280');
	await acknowledgeSafety(page);
	await page.reload();
	await expect(page.getByTestId('safety-note')).toHaveCount(0);
	await expect(page.getByText('Wellness tool, not medical advice.')).toBeVisible();
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'home-phone');
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('starting the camera without one explains how to fix it', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach');
	await expect(page.getByTestId('start-camera')).toBeDisabled();
	await screenshot(page, 'workout-safety-gate');
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toBeVisible();
	await expect(problem).toHaveAttribute('data-kind', 'not-found');
	await expect(problem).toContainText('No camera found');
	await expect(problem).toContainText(/plug in a webcam/i);
	await expect(problem.getByRole('button', { name: 'Open a video file' })).toBeVisible();
	await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
	await screenshot(page, 'workout-no-camera-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-no-camera-phone');
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('an unknown exercise shows a friendly not-found page', async ({ page }) => {
	await page.goto('/workout/no-such-move');
	await expect(page.getByText(/no exercise called/i)).toBeVisible();
	await expect(page.getByRole('link', { name: /back to the exercises/i })).toBeVisible();
});

test('a local video file runs through the same pipeline and ends cleanly', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach');
	await acknowledgeSafety(page);
	await page.getByTestId('file-input').setInputFiles('tests/fixtures/media/tfjs_pose_1.mp4');
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 60_000 });
	await expect
		.poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-keypoints')))
		.toBeGreaterThanOrEqual(10);
	// The 4 s clip plays once; then the session stops and says so, counts kept.
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	await expect(problem.getByRole('button', { name: 'Play again' })).toBeVisible();
	await screenshot(page, 'workout-file-ended-1280');
	await problem.getByRole('button', { name: 'Play again' }).click();
	await expect(page.getByTestId('tracking-status')).toBeVisible();
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('every exercise page renders its coach panel without broken numbers', async ({ page }) => {
	const errors = collectPageErrors(page);
	// Not acknowledging the safety note keeps each page from preloading the model (31 loads).
	await page.goto('/');
	// The catalog renders after hydration: wait for it before reading the ids.
	await expect(page.locator('[data-exercise]').first()).toBeVisible();
	const ids = await page
		.locator('[data-exercise]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise') ?? ''));
	expect(ids.length).toBeGreaterThan(0);
	for (const id of ids) {
		await page.goto(`/workout/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Camera-checked moves offer the camera; the others a guided timer.
		await expect(
			page.getByTestId('start-camera').or(page.getByTestId('start-timer'))
		).toBeDisabled();
		await expect(page.getByTestId('safety-note')).toBeVisible();
		await expectNoBrokenNumbers(page);
	}
	await page.evaluate(() => localStorage.setItem('scapula:safety-acknowledged', 'true'));
	await page.goto('/workout/thoracic-extension-seated');
	await screenshot(page, 'workout-hold-1280');
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/workout/neck-side-tilt');
	await page.getByRole('button', { name: 'Settings' }).click();
	await screenshot(page, 'workout-side-hold-dark-1280');
	await page.goto('/');
	await screenshot(page, 'home-dark-1280');
	expect(errors).toEqual([]);
});

test('a move the camera cannot judge runs as a guided timer', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/');
	// The catalog renders after hydration: wait for it before asking whether it has a timer.
	await page.locator('[data-exercise]').first().waitFor();
	const timerCard = page.locator('[data-group="timers"] [data-exercise]').first();
	test.skip((await timerCard.count()) === 0, 'no timer-only exercise in the catalog');
	const id = await timerCard.getAttribute('data-exercise');
	await page.goto(`/workout/${id}`);
	await acknowledgeSafety(page);
	await expect(page.getByTestId('start-camera')).toHaveCount(0);
	const remaining = page.getByTestId('timer-remaining');
	const before = await remaining.innerText();
	await page.getByTestId('start-timer').click();
	await expect(remaining).not.toHaveText(before, { timeout: 5_000 });
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await screenshot(page, 'workout-timer-1280');
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
