import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	readyToStart,
	collectPageErrors,
	expectAtMostLoopReps,
	expectNoBrokenNumbers,
	screenshot
} from './helpers';

// A real workout from the fake camera (a person raising both arms overhead, looping) is saved
// as it happens: a reload mid-set keeps it, and it shows in the history list and the plots.

async function doReps(page: Page, atLeast: number): Promise<number> {
	await page.goto('/workout/overhead-arm-reach');
	await readyToStart(page);
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	const tracking = Date.now();
	const count = page.getByTestId('rep-count');
	await expect
		.poll(async () => Number(await count.innerText()), { timeout: 90_000, intervals: [500] })
		.toBeGreaterThanOrEqual(atLeast);
	const reps = Number(await count.innerText());
	expectAtMostLoopReps(reps, (Date.now() - tracking) / 1000);
	return reps;
}

test('a workout survives a reload mid-set and shows in the history and its plots', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	const reps = await doReps(page, 1);
	// The rep was put into words in the live region screen readers announce.
	await expect(page.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
	await expect(page.getByTestId('announcer')).not.toBeEmpty();
	// Saves are throttled to one every 0.75 s; give the last one time to land, then reload with
	// the camera still running (the tab is gone as far as the session is concerned).
	await page.waitForTimeout(1_500);
	await page.reload();

	await page.goto('/history');
	const row = page.locator('[data-testid="workout-row"][data-exercise="overhead-arm-reach"]');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Overhead reach');
	await expect(row).toContainText('Not finished');
	expect(Number(await row.getByTestId('row-reps').innerText())).toBeGreaterThanOrEqual(
		Math.min(reps, 1)
	);

	// Today's minutes are on the minutes plot (its table has today's row).
	const minutes = page.getByTestId('chart-minutes');
	await expect(minutes).toHaveAttribute('data-points', '1');
	const today = await row.getAttribute('data-date');
	await minutes.getByText('Show the numbers').click();
	await expect(minutes.locator(`tr[data-key="${today}"]`)).toContainText('min');
	// This week's reps and today's form score are plotted too.
	const weekly = page.getByTestId('chart-weekly');
	await expect(weekly).toHaveAttribute('data-points', '1');
	await expect(page.getByTestId('chart-form')).toHaveAttribute('data-points', '1');
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'history-after-workout-1280');

	// Privacy: what is stored is counts, scores, cue texts and range-of-motion degrees; no image
	// data, no keypoints.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-json').click()
	]);
	const path = 'test-results/history-after-workout.json';
	await download.saveAs(path);
	const text = readFileSync(path, 'utf8');
	const data = JSON.parse(text);
	expect(Object.keys(data.workouts[0]).sort()).toEqual(
		[
			'cues',
			'endedAt',
			'exerciseId',
			'holds',
			'id',
			'rangeOfMotion',
			'repScores',
			'reps',
			'startedAt',
			'status',
			'updatedAt'
		].sort()
	);
	expect(text).not.toMatch(/keypoint|data:image|base64/i);
	expect(text.length).toBeLessThan(20_000);

	// A second workout, stopped properly, is saved as finished.
	await doReps(page, 1);
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await page.goto('/history');
	const rows = page.locator('[data-testid="workout-row"][data-exercise="overhead-arm-reach"]');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).not.toContainText('Not finished');
	expect(errors).toEqual([]);
});
