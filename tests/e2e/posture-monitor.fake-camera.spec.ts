import { expect, test } from '@playwright/test';
import { collectPageErrors, editStoredRecords, expectNoBrokenNumbers } from './helpers';
import {
	ensureDeskClip,
	fakeCameraLaunch,
	liveTracks,
	phase,
	shoot,
	spy,
	startAndWait
} from './posture-helpers';

/**
 * Work mode with Chromium's fake camera playing a real desk clip (a woman typing, sitting still
 * enough to calibrate on; the project's default clip raises its arms, and calibration rightly
 * refuses a person who moves), end to end on the built app: start, calibrate, the
 * limits drawn on the picture, pause (every camera track stopped), resume without
 * recalibrating, the calibration kept across a reload under its setup's name, the day's
 * timeline, the small always-on-top window, and a moved camera asked about once with a
 * Recalibrate button. (The nudge itself,
 * with a real side-view clip: posture-nudge.fake-camera.spec.ts.)
 */

test.use({ launchOptions: fakeCameraLaunch(ensureDeskClip()) });

test.describe('with a fake camera on someone working at a desk', () => {
	test('start, calibrate, limits on the picture, pause stops the camera, resume, reload', async ({
		page
	}) => {
		test.setTimeout(300_000);
		const errors = collectPageErrors(page);
		await page.addInitScript(spy);
		await page.goto('/posture');
		await startAndWait(page, 'needs-calibration');
		await expect(page.getByTestId('calibrate-panel')).toBeVisible();
		expect(await liveTracks(page)).toBeGreaterThan(0);
		await shoot(page, 'posture-needs-calibration');

		// Named per-setup calibrations: this one is saved as "External monitor".
		await page.getByTestId('setup-name').fill('External monitor');
		await page.getByTestId('calibrate').click();
		await expect(page.getByTestId('calibrating')).toBeVisible();
		await shoot(page, 'posture-calibrating');
		await expect(phase(page)).toHaveAttribute('data-phase', 'monitoring', { timeout: 40_000 });
		const status = page.getByTestId('posture-status');
		await expect(status).toHaveAttribute('data-status', /upright|slouched|unknown|not-in-position/);
		// The limits are drawn over the picture, and listed beside it.
		await expect
			.poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-guides')))
			.toBeGreaterThanOrEqual(2);
		await expect(page.getByTestId('limits').locator('li')).toHaveCount(6);
		await expect(page.getByTestId('setup-pick')).toHaveValue('External monitor');
		await expect(page.getByTestId('cpu-share')).toContainText(/Processor use ≈ \d+(\.\d)? %/);
		await shoot(page, 'posture-monitoring');
		await expectNoBrokenNumbers(page);

		// Beside other windows: Chromium has Document Picture-in-Picture, so the page offers a
		// small always-on-top window with the status, today's slouched time and a pause button.
		const [mini] = await Promise.all([
			page.context().waitForEvent('page'),
			page.getByTestId('pip-toggle').click()
		]);
		await expect(mini.getByTestId('mini-status')).toContainText(/Slouched today: \d+ s/);
		// The same monitor as the page: a status, as the page shows them.
		await expect(mini.getByTestId('mini-status')).toHaveAttribute(
			'data-status',
			/upright|slouched|unknown|not-in-position|away/
		);
		await mini.screenshot({ path: 'test-results/screens/posture-pip-window.png' });
		await expect(page.getByTestId('pip-toggle')).toHaveText('Close the small window');
		await page.getByTestId('pip-toggle').click();
		await expect(page.getByTestId('pip-toggle')).toHaveText('Keep a small window on top');

		// Pause: every track the page opened is stopped, the indicator says so.
		await page.getByTestId('pause').click();
		await expect(page.getByTestId('camera-indicator')).toHaveText('Camera off');
		await expect.poll(() => liveTracks(page)).toBe(0);
		expect(
			await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)
		).toBeNull();
		await shoot(page, 'posture-paused');

		// Resume: straight back to monitoring with the same calibration.
		await page.getByTestId('start').click();
		await expect(phase(page)).toHaveAttribute('data-phase', 'monitoring', { timeout: 60_000 });
		await expect(page.getByTestId('camera-indicator')).toHaveText('Camera on');

		// The calibration (numbers only) survives a reload; the timeline has today's minutes.
		const stored = await page.evaluate(() => localStorage.getItem('scapula:posture-calibration'));
		expect(JSON.parse(stored ?? 'null')).toMatchObject({ version: 1, view: expect.any(String) });
		expect(stored).not.toMatch(/data:image|base64/);
		await page.reload();
		await expect(page.getByTestId('camera-indicator')).toHaveText('Camera off');
		await startAndWait(page, 'monitoring');
		await expect(page.getByTestId('setup-pick')).toHaveValue('External monitor');
		await expect
			.poll(async () => Number(await page.getByTestId('timeline').getAttribute('data-runs')), {
				timeout: 30_000
			})
			.toBeGreaterThanOrEqual(1);

		// The camera moved: the same calibration with the person calibrated a fifth of the frame
		// to the left. Once that has held for 15 s the page asks, once, to recalibrate.
		await page.getByTestId('pause').click();
		await page.evaluate(() => {
			const key = 'scapula:posture-calibration';
			const cal = JSON.parse(localStorage.getItem(key)!);
			const dx = -0.2 * cal.anchor.width;
			cal.anchor.head.x += dx;
			if (cal.anchor.shoulder) cal.anchor.shoulder.x += dx;
			localStorage.setItem(key, JSON.stringify(cal));
		});
		await page.reload();
		await startAndWait(page, 'monitoring');
		const banner = page.getByTestId('banner');
		await expect(banner).toHaveAttribute('data-kind', 'setup', { timeout: 90_000 });
		await expect(banner).toContainText('Did your setup change?');
		await shoot(page, 'posture-setup-changed');
		await banner.getByRole('button', { name: 'Recalibrate' }).click();
		await expect(phase(page)).toHaveAttribute('data-phase', 'calibrating');
		await expect(banner).toHaveCount(0);
		await page.getByTestId('pause').click();
		await expect.poll(() => liveTracks(page)).toBe(0);
		await expectNoBrokenNumbers(page);
		expect(errors).toEqual([]);
	});

	test('a damaged stored day: the page says why History was not updated, and keeps the minutes', async ({
		page
	}) => {
		test.setTimeout(300_000);
		const errors = collectPageErrors(page);
		// History opens the database (and makes its stores); then today's day is damaged.
		await page.goto('/history');
		await expect(page.getByRole('heading', { name: 'History and progress' })).toBeVisible();
		const today = await page.evaluate(() => {
			const d = new Date();
			return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
				.map((n) => String(n).padStart(2, '0'))
				.join('-');
		});
		await editStoredRecords(page, 'postureDays', {
			put: [{ date: today, uprightSeconds: 'lots', slouchedSeconds: -4 }]
		});
		await page.goto('/posture');
		await startAndWait(page, 'needs-calibration');
		await page.getByTestId('calibrate').click();
		await expect(phase(page)).toHaveAttribute('data-phase', 'monitoring', { timeout: 40_000 });
		await page.waitForTimeout(3_000);
		// Pausing writes the day's totals: refused, and said so beside today's figures.
		await page.getByTestId('pause').click();
		const problem = page.getByTestId('history-problem');
		await expect(problem).toContainText('could not be added to History');
		await expect(problem).toContainText(today);
		await expect(problem).toContainText('tries again every minute');
		await expect(page.getByTestId('today-upright')).not.toHaveText('0 s');
		await shoot(page, 'posture-history-problem');
		await expectNoBrokenNumbers(page);
		expect(errors).toEqual([]);
	});
});
