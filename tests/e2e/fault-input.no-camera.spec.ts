/**
 * Files that are not what they claim, end to end without a camera: a "video" that is a photo,
 * one that is random bytes, and one that is empty. Each gives a specific message, keeps the
 * counts (five reaches from a replayed pose trace, which needs no model), and a real video
 * afterwards plays through the model. Traces that are not traces are covered in
 * trace-replay.no-camera.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import * as sim from '../../src/lib/sim';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

function reachesTraceFile(path: string): string {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	const { frames } = sim.simulate({ timeline, noise: 'realistic', seed: 41 });
	writeFileSync(path, JSON.stringify(sim.toTraceJson(frames, { fps: 30 })));
	return path;
}

const repCount = async (page: Page) => Number(await page.getByTestId('rep-count').innerText());

/** A small deterministic pseudo-random buffer (no video container in it). */
function noise(bytes: number): Buffer {
	const b = Buffer.alloc(bytes);
	let x = 12345;
	for (let i = 0; i < bytes; i++) {
		x = (x * 1103515245 + 12345) >>> 0;
		b[i] = x >>> 24;
	}
	return b;
}

test('a video file that is not a video: a clear message, counts kept, a real one plays after', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/overhead-arm-reach');
	await acknowledgeSafety(page);
	await page
		.getByTestId('trace-input')
		.setInputFiles(reachesTraceFile(testInfo.outputPath('r.json')));
	await page.getByTestId('skip-replay').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	const reps = await repCount(page);
	expect(reps).toBe(5);

	const fakes = [
		{
			name: 'holiday.mp4',
			mimeType: 'video/mp4',
			buffer: readFileSync('tests/fixtures/media/tfjs_pose.jpg')
		},
		{ name: 'clip.webm', mimeType: 'video/webm', buffer: noise(64 * 1024) },
		{ name: 'empty.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(0) }
	];
	for (const fake of fakes) {
		await page.getByTestId('file-input').setInputFiles(fake);
		await expect(problem).toContainText('The video could not be', { timeout: 30_000 });
		await expect(problem).toContainText(/cannot play this file type|damaged|could not be opened/);
		await expect(problem.getByRole('button', { name: 'Open a video file' })).toBeVisible();
		expect(await repCount(page)).toBe(reps);
	}
	await screenshot(page, 'fault-not-a-video-1280');

	// A real video after all that: the model runs on it, the counts are still there.
	await page.getByTestId('file-input').setInputFiles('tests/fixtures/media/tfjs_pose_1.mp4');
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 60_000 });
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
