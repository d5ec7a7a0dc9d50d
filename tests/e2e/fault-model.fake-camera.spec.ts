/**
 * The pose model's files going wrong, end to end: the weights file answering 404, then arriving
 * truncated (damaged), then served again. Each failure names the file and what happened, keeps
 * the counts (five reaches from a replayed trace, which needs no model), and "Try again" loads
 * the model once the file is back.
 *
 * The service worker is blocked so that every model request reaches the network, where the test
 * answers it (page.route also turns the HTTP cache off for routed requests).
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import * as sim from '../../src/lib/sim';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

test.use({ serviceWorkers: 'block' });

const WEIGHTS = '**/models/movenet-lightning.bin';

function reachesTraceFile(path: string): string {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	const { frames } = sim.simulate({ timeline, noise: 'realistic', seed: 31 });
	writeFileSync(path, JSON.stringify(sim.toTraceJson(frames, { fps: 30 })));
	return path;
}

const repCount = async (page: Page) => Number(await page.getByTestId('rep-count').innerText());

test('a missing, then damaged model file: named in the message, counts kept, loads once fixed', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	await page.route(WEIGHTS, (route) => route.fulfill({ status: 404, body: 'Not found' }));
	await page.goto('/workout/overhead-arm-reach');
	await acknowledgeSafety(page);

	// The model loads while the person reads the instructions: it fails at once, and says why.
	const problem = page.getByTestId('problem');
	await expect(problem).toContainText('The pose model could not be downloaded');
	await expect(problem).toContainText('movenet-lightning.bin could not be found (HTTP 404)');
	await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
	await screenshot(page, 'fault-model-404-1280');

	// A trace replays without the model: five reps on the counter.
	await page
		.getByTestId('trace-input')
		.setInputFiles(reachesTraceFile(testInfo.outputPath('r.json')));
	await page.getByTestId('skip-replay').click();
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	const reps = await repCount(page);
	expect(reps).toBe(5);

	// The camera needs the model: still missing, same message, counts kept.
	await problem.getByRole('button', { name: 'Start the camera' }).click();
	await expect(problem).toContainText('movenet-lightning.bin could not be found (HTTP 404)', {
		timeout: 60_000
	});
	expect(await repCount(page)).toBe(reps);

	// Now the file arrives cut short: "damaged", with the sizes.
	await page.unroute(WEIGHTS);
	await page.route(WEIGHTS, async (route) => {
		const response = await route.fetch();
		const body = (await response.body()).subarray(0, 1000);
		await route.fulfill({
			response,
			body,
			headers: { ...response.headers(), 'content-length': '1000' }
		});
	});
	await problem.getByRole('button', { name: 'Try again' }).click();
	await expect(problem).toContainText('The pose model files are damaged', { timeout: 60_000 });
	await expect(problem).toContainText('movenet-lightning.bin');
	await expect(problem).toContainText(/truncated|1,000|bytes/);
	expect(await repCount(page)).toBe(reps);
	await screenshot(page, 'fault-model-corrupt-1280');

	// Served properly again: "Try again" loads it and the camera runs, counts still there.
	await page.unroute(WEIGHTS);
	await problem.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await expect(page.getByTestId('problem')).toHaveCount(0);
	expect(await repCount(page)).toBeGreaterThanOrEqual(reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('a model description that is not JSON is reported as damaged', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.route('**/models/movenet-lightning.json', (route) =>
		route.fulfill({ status: 200, contentType: 'application/json', body: '{"modelTopology": {' })
	);
	await page.goto('/workout/overhead-arm-reach');
	await acknowledgeSafety(page);
	const problem = page.getByTestId('problem');
	await expect(problem).toContainText('The pose model files are damaged');
	await expect(problem).toContainText('movenet-lightning.json');
	await page.unroute('**/models/movenet-lightning.json');
	await problem.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByTestId('problem')).toHaveCount(0, { timeout: 60_000 });
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	expect(errors).toEqual([]);
});
