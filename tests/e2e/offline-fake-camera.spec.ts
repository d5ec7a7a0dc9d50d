import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

// After one visit the service worker holds the app, its pages, the default model and the tfjs
// wasm files: with the network off (Playwright's offline mode) the app starts and coaches.

test('after one visit the app starts and runs a workout with the network off', async ({
	page,
	context
}) => {
	const errors = collectPageErrors(page);
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 60_000
		})
		.toBe(true);
	await expect
		.poll(
			() =>
				page.evaluate(async () => (await caches.match('/models/movenet-lightning.bin')) != null),
			{ timeout: 60_000 }
		)
		.toBe(true);

	await context.setOffline(true);
	// The network really is off: a file the worker never cached cannot be had.
	const probe = await page.evaluate(() =>
		fetch('/models/movenet-thunder.json', { cache: 'no-store' }).then(
			() => 'fetched',
			() => 'failed'
		)
	);
	expect(probe).toBe('failed');

	// A page never visited, served by the worker.
	const response = await page.goto('/workout/overhead-arm-reach');
	expect(response?.fromServiceWorker()).toBe(true);
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	await expect
		.poll(async () => Number(await page.getByTestId('rep-count').innerText()), {
			timeout: 90_000,
			intervals: [500]
		})
		.toBeGreaterThanOrEqual(1);
	// The model ran in its worker (session/estimator.ts), whose script the first visit never
	// loaded: it came from the service worker's precache, not from a fallback to the page.
	expect(page.workers().map((w) => w.url())).toContainEqual(
		expect.stringMatching(/\/_app\/immutable\/workers\/estimator\.worker-[\w-]+\.js$/)
	);
	await page.getByRole('button', { name: 'Stop camera' }).click();

	// Settings says so, and history works offline too.
	await page.goto('/settings');
	const offline = page.getByTestId('offline-status');
	await expect(offline).toContainText('The app is saved on this device');
	await expect(
		offline.getByRole('listitem').filter({ hasText: 'MoveNet Lightning' })
	).toContainText('Saved for offline use');
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'settings-offline-1280');
	await page.goto('/history');
	await expect(
		page.locator('[data-testid="workout-row"][data-exercise="overhead-arm-reach"]')
	).toHaveCount(1);
	await context.setOffline(false);
	expect(errors).toEqual([]);
});
