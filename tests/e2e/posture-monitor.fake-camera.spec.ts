import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

/**
 * Work mode with Chromium's fake camera, end to end on the built app: start, calibrate, the
 * limits drawn on the picture, pause (every camera track stopped), resume without
 * recalibrating, the calibration kept across a reload; and with a real side-view clip that
 * sits upright and then slouches, a nudge (banner, and a desktop notification while the tab
 * is in the background), snooze, and the day's timeline.
 */

async function shoot(page: Page, name: string) {
	await screenshot(page, `${name}-1280`);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, `${name}-phone`);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	if (size) await page.setViewportSize(size);
}

/**
 * Records every camera stream the page opens and every desktop notification it shows, so the
 * test can check that pausing really stops the tracks and that a nudge reached the desktop.
 */
function spy() {
	const w = window as unknown as {
		__streams: MediaStream[];
		__notes: Array<{ title: string; body: string }>;
	};
	w.__streams = [];
	w.__notes = [];
	const md = navigator.mediaDevices;
	if (md) {
		const real = md.getUserMedia.bind(md);
		md.getUserMedia = async (c) => {
			const s = await real(c);
			w.__streams.push(s);
			return s;
		};
	}
	const Real = window.Notification;
	if (Real) {
		class Spy extends Real {
			constructor(title: string, options?: NotificationOptions) {
				super(title, options);
				w.__notes.push({ title, body: options?.body ?? '' });
			}
		}
		Object.defineProperty(window, 'Notification', { value: Spy, configurable: true });
	}
}

const liveTracks = (page: Page) =>
	page.evaluate(
		() =>
			(window as unknown as { __streams: MediaStream[] }).__streams
				.flatMap((s) => s.getTracks())
				.filter((t) => t.readyState === 'live').length
	);

const phase = (page: Page) => page.getByTestId('posture-page');

async function startAndWait(page: Page, expected: 'needs-calibration' | 'monitoring') {
	await page.getByTestId('start').click();
	await expect(page.getByTestId('camera-indicator')).toHaveText('Camera on', { timeout: 30_000 });
	// Model load (and the one-off backend choice) takes a while on a busy two-core machine.
	await expect(phase(page)).toHaveAttribute('data-phase', expected, { timeout: 150_000 });
}

test.describe('with the default fake camera (a person facing the camera)', () => {
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
		await expect(page.getByTestId('cpu-share')).toContainText('% of one core');
		await shoot(page, 'posture-monitoring');
		await expectNoBrokenNumbers(page);

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
		await expect
			.poll(async () => Number(await page.getByTestId('timeline').getAttribute('data-runs')), {
				timeout: 30_000
			})
			.toBeGreaterThanOrEqual(1);
		await page.getByTestId('pause').click();
		await expect.poll(() => liveTracks(page)).toBe(0);
		await expectNoBrokenNumbers(page);
		expect(errors).toEqual([]);
	});
});

/**
 * A real side-view clip (tests/fixtures/media/itakurah_posture_cameracrop.mp4) arranged for
 * the camera: its upright stretch played back and forth for 24 s, then its slouched stretch for
 * 24.5 s (then it loops). 8 frames a second, cropped around the woman, as raw video (.y4m) for
 * Chromium's fake capture device.
 */
const SIDE_SOURCE = 'tests/fixtures/media/itakurah_posture_cameracrop.mp4';
const SIDE_Y4M = 'tests/fixtures/generated/posture_side_upright_then_slouched.y4m';
const UPRIGHT_SECONDS = 24;

function makeSideClip() {
	if (existsSync(SIDE_Y4M) && statSync(SIDE_Y4M).mtimeMs >= statSync(SIDE_SOURCE).mtimeMs) return;
	mkdirSync('tests/fixtures/generated', { recursive: true });
	const graph = [
		'[0:v]split[a][b]',
		// Upright 1.4–3.8 s forward and back (80 frames at 16.67 fps), 5 times: 24 s.
		'[a]trim=1.4:3.8,setpts=PTS-STARTPTS,split[u1][u2];[u2]reverse[ur]',
		'[u1][ur]concat=n=2:v=1,loop=loop=4:size=80,setpts=N/(16.667*TB)[up]',
		// Slouched 4.3–5.3 s forward and back (34 frames), 12 times: 24.5 s.
		'[b]trim=4.3:5.3,setpts=PTS-STARTPTS,split[s1][s2];[s2]reverse[sr]',
		'[s1][sr]concat=n=2:v=1,loop=loop=11:size=34,setpts=N/(16.667*TB)[sl]',
		'[up][sl]concat=n=2:v=1,crop=400:358:60:0,fps=8,format=yuv420p'
	].join(';');
	execFileSync(
		'ffmpeg',
		['-y', '-loglevel', 'error', '-i', SIDE_SOURCE, '-filter_complex', graph, SIDE_Y4M],
		{
			stdio: 'inherit'
		}
	);
}
makeSideClip();

test.describe('with a side-view clip that slouches after 24 s', () => {
	test.use({
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--use-fake-ui-for-media-stream',
				'--use-fake-device-for-media-stream',
				`--use-file-for-fake-video-capture=${SIDE_Y4M}`
			]
		},
		permissions: ['notifications']
	});

	test('a slouch that lasts the grace period nudges: banner, notification in the background, snooze', async ({
		page,
		context
	}) => {
		test.setTimeout(400_000);
		const errors = collectPageErrors(page);
		await page.addInitScript(spy);
		// The shortest grace the settings allow, so the test waits 5 s, not 30.
		await page.addInitScript(() => localStorage.setItem('scapula:posture-grace', '5'));
		await page.goto('/posture');
		await expect(page.getByTestId('notifications')).toHaveAttribute('data-permission', 'granted');
		await startAndWait(page, 'needs-calibration');
		// Pause and resume: the camera reopens and the clip starts again from its first frame,
		// so the 10 s calibration falls inside its upright stretch.
		await page.getByTestId('pause').click();
		await expect.poll(() => liveTracks(page)).toBe(0);
		const t0 = Date.now();
		await page.getByTestId('start').click();
		await expect(phase(page)).toHaveAttribute('data-phase', 'needs-calibration');
		await page.getByTestId('calibrate').click();
		await expect(phase(page)).toHaveAttribute('data-phase', 'monitoring', { timeout: 30_000 });
		expect(Date.now() - t0).toBeLessThan(UPRIGHT_SECONDS * 1000);
		const status = page.getByTestId('posture-status');
		await expect(status).toHaveAttribute('data-status', 'upright', { timeout: 10_000 });
		await expect(page.getByTestId('banner')).toHaveCount(0);

		// Another tab in front: this one is hidden, and the worker-timed checks go on.
		const other = await context.newPage();
		await other.goto('/');
		await other.bringToFront();
		await expect
			.poll(
				() => page.evaluate(() => (window as unknown as { __notes: unknown[] }).__notes.length),
				{
					timeout: 90_000,
					intervals: [1000]
				}
			)
			.toBeGreaterThanOrEqual(1);
		const notes = await page.evaluate(
			() => (window as unknown as { __notes: Array<{ title: string; body: string }> }).__notes
		);
		expect(notes[0]!.title).toBe('Time to sit up');
		// The clip was upright for its first 24 s: no nudge before the slouch plus the grace.
		expect(Date.now() - t0).toBeGreaterThan((UPRIGHT_SECONDS + 5) * 1000);
		await page.bringToFront();
		await other.close();

		const banner = page.getByTestId('banner');
		await expect(banner).toHaveAttribute('data-kind', 'posture');
		await expect(banner).toContainText('Time to sit up');
		await expect(status).toHaveAttribute('data-status', 'slouched');
		await expect(page.getByTestId('today-nudges')).not.toHaveText('0', { timeout: 15_000 });
		await shoot(page, 'posture-nudge');
		await expectNoBrokenNumbers(page);

		await page.getByTestId('banner-snooze').click();
		await expect(banner).toHaveCount(0);
		await expect(page.getByTestId('snoozed')).toContainText('Nudges snoozed until');
		await page.waitForTimeout(8000);
		await expect(banner).toHaveCount(0);
		await shoot(page, 'posture-snoozed');
		await page.getByTestId('pause').click();
		await expect.poll(() => liveTracks(page)).toBe(0);
		expect(errors).toEqual([]);
	});
});
