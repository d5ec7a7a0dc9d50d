/**
 * The pose model's worker failing to start (its script does not load: a half-updated cache, a
 * proxy, an extension): the workout runs the model on the page instead and tracks as usual.
 */
import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors } from './helpers';

// Every request must reach page.route (a service worker would answer from its cache).
test.use({ serviceWorkers: 'block' });

test('a pose worker that cannot start: the model runs on the page and tracking goes on', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	let blocked = 0;
	await page.route('**/pose.worker-*.js', (route) => {
		blocked++;
		return route.fulfill({ status: 404, body: 'Not found' });
	});
	await page.goto('/workout/overhead-arm-reach?stats');
	await acknowledgeSafety(page);
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 90_000 });
	expect(blocked).toBeGreaterThan(0);
	await expect(page.getByTestId('problem')).toHaveCount(0);
	// On the page: no model worker, and the page's own tfjs holds the model's tensors.
	expect(page.workers().map((w) => w.url())).not.toContainEqual(
		expect.stringContaining('pose.worker')
	);
	const pageTensors = await page.evaluate(
		() =>
			(
				window as unknown as { _tfengine?: { memory(): { numTensors: number } } }
			)._tfengine?.memory().numTensors ?? 0
	);
	expect(pageTensors).toBeGreaterThan(0);
	expect(errors).toEqual([]);
});
