/**
 * A workout ends when its dose is done. Chromium's fake camera loops a real clip of one overhead
 * reach every 4 s (tests/fixtures/media/tfjs_pose_1.mp4); `?dose=short` makes the dose two sets
 * of three reps with a 12 s rest (SHORT_WORKOUT_DOSE). Counting stops at each set's target, nothing
 * counts during the rest although the person keeps reaching, and after the last set the camera
 * turns off and History has one finished workout of exactly 6 reps.
 */
import { expect, test, type Page } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const repCount = async (page: Page) => Number(await page.getByTestId('rep-count').innerText());

async function shoot(page: Page, name: string) {
	await screenshot(page, `${name}-1280`);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `test-results/screens/${name}-phone.png` });
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('counting stops at each set, rests, and the last set ends the workout as finished', async ({
	page
}) => {
	test.setTimeout(300_000);
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach?dose=short');
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await expect(page.getByTestId('hud-count')).toHaveText('0/3');

	// Set 1 ends at exactly its target, and the rest begins.
	const panel = page.getByTestId('set-panel');
	await expect(panel).toHaveAttribute('data-phase', 'rest', { timeout: 120_000 });
	expect(await repCount(page)).toBe(3);
	await expect(page.getByTestId('paused-note')).toContainText('set 2 of 2 next');
	// The clip goes on reaching during the 12 s rest (a reach every 4 s): nothing is counted.
	// Sampled until the rest ends; a sample counts only if the rest held on both sides of it.
	const phase = () => panel.getAttribute('data-phase');
	const inRest: { t: number; reps: number }[] = [];
	while ((await phase()) === 'rest') {
		const reps = await repCount(page);
		if ((await phase()) === 'rest') inRest.push({ t: Date.now(), reps });
		if (inRest.length === 1) {
			await page.screenshot({ path: 'test-results/screens/workout-dose-rest-1280.png' });
		}
		await page.waitForTimeout(500);
	}
	expect(inRest.length).toBeGreaterThan(1);
	expect(inRest.map((s) => s.reps)).toEqual(inRest.map(() => 3));
	// At least one whole loop of the clip (one reach) went by while sampling.
	expect(inRest.at(-1)!.t - inRest[0]!.t).toBeGreaterThanOrEqual(4_000);

	// Set 2 starts by itself after the rest, from zero, and ends at its target: the dose is done.
	await expect(panel).toHaveAttribute('data-phase', 'work', { timeout: 15_000 });
	await expect(page.getByTestId('set-status')).toContainText('Set 2 of 2');
	await shoot(page, 'workout-dose-set2');
	await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
	expect(await repCount(page)).toBe(3);
	await expect(page.getByTestId('set-summary')).toContainText(/Total\s*6 reps/);

	// The camera is off and stays off; the counts stay where the dose ended.
	await expect(page.getByTestId('tracking-status')).toHaveCount(0);
	await expect(page.getByTestId('stage-finished')).toContainText('All 2 sets done · 6 reps');
	await expect(page.getByTestId('start-camera')).toHaveText('Start again');
	await page.waitForTimeout(4_500);
	expect(await repCount(page)).toBe(3);
	await expect(page.getByTestId('set-summary')).toContainText(/Total\s*6 reps/);
	await shoot(page, 'workout-dose-done');
	await expectNoBrokenNumbers(page);

	// History: one workout, finished, with exactly the dose's reps.
	await page.goto('/history');
	const rows = page.getByTestId('workout-row');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toHaveAttribute('data-exercise', 'overhead-arm-reach');
	await expect(rows.first().getByTestId('row-reps')).toHaveText('6');
	await expect(rows.first().getByText('Not finished')).toHaveCount(0);
	await expect(page.getByTestId('streak')).toContainText('1');
	expect(errors).toEqual([]);
});
