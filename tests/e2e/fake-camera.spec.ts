import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import {
	acknowledgeSafety,
	collectPageErrors,
	expectAtMostLoopReps,
	expectLoopReps,
	expectNoBrokenNumbers,
	screenshot,
	SCREENS
} from './helpers';

// Chromium's fake camera plays tests/fixtures/media/tfjs_pose_1.mp4 (a person raising both
// arms overhead once in 4 s) in a loop, converted to .y4m by global-setup.ts.

interface Stats {
	frames: number;
	modelMs: { n: number; mean: number; p50: number; p95: number };
	pipelineMs: { n: number; mean: number; p50: number; p95: number };
	fps: number;
	loadMs: number | null;
	model: string | null;
	backend: string | null;
}

test('tracks the person and counts an overhead reach from the camera', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach?stats');
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();

	// The skeleton appears: the overlay drew keypoints and the status says so.
	const overlay = page.getByTestId('overlay');
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	await expect
		.poll(async () => Number(await overlay.getAttribute('data-keypoints')), { timeout: 30_000 })
		.toBeGreaterThanOrEqual(10);
	await screenshot(page, 'workout-tracking-1280');

	// The clip loops; one reach every 4 s. Software rendering is slow: allow a while.
	await expect
		.poll(async () => Number(await page.getByTestId('rep-count').innerText()), {
			timeout: 90_000,
			intervals: [500]
		})
		.toBeGreaterThanOrEqual(1);
	await expect(page.getByTestId('rep-score')).not.toHaveText('–');
	await screenshot(page, 'workout-rep-1280');
	await expectNoBrokenNumbers(page);

	// Benchmark: a fresh window with nothing else going on (screenshots stall the page), then
	// read the timings. The reps counted in that window must match the clip's loops.
	const repsBefore = Number(await page.getByTestId('rep-count').innerText());
	const windowStart = Date.now();
	await page.evaluate(() =>
		(window as unknown as { __scapulaResetStats: () => void }).__scapulaResetStats()
	);
	await page.waitForTimeout(12_000);
	const repsAfter = Number(await page.getByTestId('rep-count').innerText());
	expectLoopReps(repsAfter - repsBefore, (Date.now() - windowStart) / 1000);
	const stats = (await page.evaluate(
		() => (window as unknown as { __scapulaStats: unknown }).__scapulaStats
	)) as Stats;
	writeFileSync(`${SCREENS}/stats.json`, JSON.stringify(stats, null, 2));
	console.log(
		`[stats] model=${stats.model} backend=${stats.backend} load=${stats.loadMs?.toFixed(0)} ms ` +
			`frames=${stats.frames} model ms/frame mean=${stats.modelMs.mean.toFixed(1)} ` +
			`p50=${stats.modelMs.p50.toFixed(1)} p95=${stats.modelMs.p95.toFixed(1)} | ` +
			`pipeline ms/frame mean=${stats.pipelineMs.mean.toFixed(1)} ` +
			`p50=${stats.pipelineMs.p50.toFixed(1)} p95=${stats.pipelineMs.p95.toFixed(1)} | ` +
			`fps=${stats.fps.toFixed(1)}`
	);
	expect(stats.frames).toBeGreaterThan(20);
	expect(stats.modelMs.mean).toBeGreaterThan(0);
	expect(stats.pipelineMs.mean).toBeGreaterThanOrEqual(stats.modelMs.mean);

	// Settings open and show the backend in use; phone layout still works.
	await page.getByRole('button', { name: 'Settings' }).click();
	await expect(page.getByTestId('stats')).toContainText(stats.backend ?? '');
	await screenshot(page, 'workout-settings-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-running-phone');

	// Stopping keeps the count.
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await expect(page.getByTestId('start-camera')).toBeVisible();
	expect(Number(await page.getByTestId('rep-count').innerText())).toBeGreaterThanOrEqual(1);
	expect(errors).toEqual([]);
});

test('a camera that goes away mid-session keeps the counts and reconnects', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach');
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	const tracking = Date.now();
	await expect
		.poll(async () => Number(await page.getByTestId('rep-count').innerText()), {
			timeout: 90_000,
			intervals: [500]
		})
		.toBeGreaterThanOrEqual(1);
	expectAtMostLoopReps(
		Number(await page.getByTestId('rep-count').innerText()),
		(Date.now() - tracking) / 1000
	);

	// Unplugging fires `ended` on the track (track.stop() would not).
	await page.evaluate(() => {
		const video = document.querySelector('video');
		const stream = video?.srcObject as MediaStream | null;
		stream?.getVideoTracks()[0]?.dispatchEvent(new Event('ended'));
	});
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'disconnected');
	await expect(problem).toContainText('Your reps and holds are kept');
	const reps = Number(await page.getByTestId('rep-count').innerText());
	expect(reps).toBeGreaterThanOrEqual(1);
	await screenshot(page, 'workout-disconnected-1280');

	await problem.getByRole('button', { name: 'Reconnect' }).click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 60_000 });
	expect(Number(await page.getByTestId('rep-count').innerText())).toBeGreaterThanOrEqual(reps);
	expect(errors).toEqual([]);
});
