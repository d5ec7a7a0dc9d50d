/**
 * Faults around the camera and the compute backend, end to end with Chromium's fake camera
 * (tests/fixtures/media/tfjs_pose_1.mp4, one overhead reach every 4 s, looping):
 *
 * - camera permission denied, then allowed: a browser launched without the flag that accepts
 *   every permission prompt, so Chromium really refuses getUserMedia until the test grants it;
 * - the tab hidden and shown again (headless Chromium keeps every page visible and has no
 *   DevTools command to hide one, so the test sets `document.visibilityState` and fires
 *   `visibilitychange`, exactly what the page would see);
 * - the WebGL context lost mid-session (`WEBGL_lose_context` on tfjs's own context): the app
 *   switches to WebAssembly and goes on counting.
 *
 * Each starts from counts a replayed pose trace left (five reaches, no model needed), so "the
 * counts are kept" means five, not zero. The camera-unplugged case is in fake-camera.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { FAKE_CAMERA_FILE } from '../../playwright.config';
import * as sim from '../../src/lib/sim';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const WORKOUT = '/workout/overhead-arm-reach?stats';

/** Five overhead reaches (front view, realistic noise) as a pose trace file. */
function reachesTraceFile(path: string): string {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	const { frames } = sim.simulate({ timeline, noise: 'realistic', seed: 21 });
	writeFileSync(path, JSON.stringify(sim.toTraceJson(frames, { fps: 30 })));
	return path;
}

const repCount = async (page: Page) => Number(await page.getByTestId('rep-count').innerText());

/** Replays the trace to its end; returns the reps it left on the counter (5). */
async function countFromTrace(page: Page, file: string): Promise<number> {
	await page.getByTestId('trace-input').setInputFiles(file);
	await page.getByTestId('skip-replay').click();
	await expect(page.getByTestId('problem')).toHaveAttribute('data-kind', 'finished', {
		timeout: 30_000
	});
	const reps = await repCount(page);
	expect(reps).toBe(5);
	return reps;
}

interface Stats {
	frames: number;
	backend: string | null;
}
const stats = (page: Page) =>
	page.evaluate(() => (window as unknown as { __scapulaStats: Stats }).__scapulaStats);

test('camera permission denied: says how to allow it, keeps the counts, works once allowed', async ({
	playwright,
	baseURL
}, testInfo) => {
	// Not the project's browser: that one accepts every permission prompt.
	const browser = await playwright.chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${FAKE_CAMERA_FILE}`
		]
	});
	try {
		const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto(WORKOUT);
		await acknowledgeSafety(page);
		const reps = await countFromTrace(page, reachesTraceFile(testInfo.outputPath('reaches.json')));

		// The replay's card offers the camera; Chromium refuses it (no prompt can be answered).
		const problem = page.getByTestId('problem');
		await problem.getByRole('button', { name: 'Start the camera' }).click();
		await expect(problem).toHaveAttribute('data-kind', 'denied');
		await expect(problem).toContainText('Camera access is blocked');
		await expect(problem).toContainText('set Camera to "Allow"');
		await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
		await expect(problem.getByRole('button', { name: 'Open a video file' })).toBeVisible();
		expect(await repCount(page)).toBe(reps);
		await screenshot(page, 'fault-camera-denied-1280');

		// The person allows the camera in the site settings, then presses "Try again".
		await context.grantPermissions(['camera']);
		await problem.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
		await expect(page.getByTestId('problem')).toHaveCount(0);
		expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
		await expectNoBrokenNumbers(page);
		expect(errors).toEqual([]);
	} finally {
		await browser.close();
	}
});

/** Sets what `document.visibilityState` says and fires `visibilitychange`, as a real tab switch. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
	await page.evaluate((h) => {
		Object.defineProperty(document, 'visibilityState', {
			configurable: true,
			get: () => (h ? 'hidden' : 'visible')
		});
		Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
		document.dispatchEvent(new Event('visibilitychange'));
	}, hidden);
}

test('a hidden tab pauses counting with a message and goes on when shown again', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	await page.goto(WORKOUT);
	await acknowledgeSafety(page);
	const reps = await countFromTrace(page, reachesTraceFile(testInfo.outputPath('reaches.json')));
	const problem = page.getByTestId('problem');
	await problem.getByRole('button', { name: 'Start the camera' }).click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });

	await setHidden(page, true);
	await expect(problem).toHaveAttribute('data-kind', 'hidden');
	await expect(problem).toContainText('Paused while this tab is hidden');
	await expect(problem).toContainText('Your reps and holds are kept');
	// Paused for real: no frame goes through the model while hidden.
	const before = (await stats(page)).frames;
	await page.waitForTimeout(2_000);
	expect((await stats(page)).frames).toBe(before);
	expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
	await screenshot(page, 'fault-tab-hidden-1280');

	await setHidden(page, false);
	await expect(problem).toHaveCount(0);
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 30_000 });
	await expect
		.poll(async () => (await stats(page)).frames, { timeout: 30_000 })
		.toBeGreaterThan(before);
	expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('a lost WebGL context switches the model to WebAssembly and counting goes on', async ({
	page
}, testInfo) => {
	test.setTimeout(300_000);
	const errors = collectPageErrors(page);
	await page.addInitScript(() => localStorage.setItem('scapula:backend', JSON.stringify('webgl')));
	await page.goto(WORKOUT);
	await acknowledgeSafety(page);
	const reps = await countFromTrace(page, reachesTraceFile(testInfo.outputPath('reaches.json')));
	const problem = page.getByTestId('problem');
	await problem.getByRole('button', { name: 'Start the camera' }).click();
	// Software WebGL here: slow (~300 ms a frame), but it runs.
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 180_000 });
	expect((await stats(page)).backend).toBe('webgl');

	const lost = await page.evaluate(() => {
		type Gl = WebGLRenderingContext;
		const engine = (window as unknown as { _tfengine?: { backend?: { gpgpu?: { gl?: Gl } } } })
			._tfengine;
		const gl = engine?.backend?.gpgpu?.gl;
		const ext = gl?.getExtension('WEBGL_lose_context');
		ext?.loseContext();
		return Boolean(ext);
	});
	expect(lost).toBe(true);

	// Said, and shown while the model reloads on the processor.
	await expect(page.getByTestId('announcer')).toContainText('switched to WebAssembly', {
		timeout: 30_000
	});
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	expect((await stats(page)).backend).toBe('wasm');
	expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
	// Still counting: the clip's next reach adds a rep.
	await expect
		.poll(() => repCount(page), { timeout: 120_000, intervals: [500] })
		.toBeGreaterThan(reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
