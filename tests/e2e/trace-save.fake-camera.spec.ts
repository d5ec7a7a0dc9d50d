/**
 * Saving a trace from a live camera session: Chromium's fake camera plays a real clip, the real
 * model tracks the person, and "Save trace" downloads the recorded keypoints as a pose trace the
 * reader accepts. The downloaded file then replays in the app to the analyser's counts.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseTrace } from '../../src/lib/trace/pose-trace';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const EXERCISE = 'overhead-arm-reach';
/** Frames to record before saving: a couple of seconds even on a slow software renderer. */
const MIN_FRAMES = 20;

test('"Save trace" downloads the camera session as a pose trace that replays', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	await page.goto(`/workout/${EXERCISE}?stats`);
	await acknowledgeSafety(page);
	const save = page.getByTestId('save-trace');
	await expect(save).toBeDisabled(); // nothing recorded yet
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	await expect
		.poll(
			async () =>
				page.evaluate(
					() => (window as unknown as { __scapulaStats: { frames: number } }).__scapulaStats.frames
				),
			{ timeout: 60_000 }
		)
		.toBeGreaterThanOrEqual(MIN_FRAMES);
	await expect(save).toBeEnabled();
	await screenshot(page, 'workout-trace-recording-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-trace-recording-phone');
	await page.setViewportSize({ width: 1280, height: 800 });

	const cameraSize = await page.evaluate(() => {
		const v = document.querySelector('video')!;
		return [v.videoWidth, v.videoHeight];
	});
	// Traces are in the Files menu, closed until someone wants it.
	await page.getByTestId('more').click();
	// What is kept, and for how long, is said where the button is (no hover needed).
	await expect(page.getByTestId('trace-note')).toHaveText(
		/^Keypoints only, no video\. Kept in this tab until you leave; the first \d+ min or more\.$/
	);
	await screenshot(page, 'workout-trace-menu-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-trace-menu-phone');
	await page.setViewportSize({ width: 1280, height: 800 });
	const downloading = page.waitForEvent('download');
	await save.click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^scapula-overhead-arm-reach-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/
	);
	const file = testInfo.outputPath(download.suggestedFilename());
	await download.saveAs(file);

	const bytes = readFileSync(file);
	expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip
	const trace = parseTrace(gunzipSync(bytes).toString('utf8'));
	expect(trace.model).toBe('movenet-lightning');
	// The size of the camera picture the model saw.
	expect([trace.width, trace.height]).toEqual(cameraSize);
	expect(trace.frames.length).toBeGreaterThanOrEqual(MIN_FRAMES);
	const withBodies = trace.frames.filter((f) => f.body !== null);
	expect(withBodies.length).toBeGreaterThan(trace.frames.length / 2);
	// Real keypoints: the shoulders inside the picture with a usable score.
	const shoulder = withBodies.at(-1)!.body!.keypoints[5]!;
	expect(shoulder.x).toBeGreaterThan(0);
	expect(shoulder.x).toBeLessThan(trace.width);
	expect(shoulder.score).toBeGreaterThan(0.3);

	// The camera keeps running and recording after a save.
	await expect(page.getByRole('button', { name: 'Stop camera' })).toBeVisible();
	await page.getByRole('button', { name: 'Stop camera' }).click();

	// The saved file replays in the app to the analyser's count on the same file.
	const cli = JSON.parse(
		execFileSync(
			'npx',
			['tsx', 'src/cli/analyze.ts', file, '--exercise', EXERCISE, '--json', '--quiet'],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
		)
	) as { reps: number };
	// In real time: the replay takes as long as the recording (seconds here).
	await page.getByTestId('trace-input').setInputFiles(file);
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 120_000 });
	await expect(problem).toContainText('The replay ended');
	expect(Number(await page.getByTestId('rep-count').innerText())).toBe(cli.reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
