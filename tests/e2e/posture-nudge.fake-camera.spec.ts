import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectPageErrors, expectNoBrokenNumbers } from './helpers';
import { fakeCameraLaunch, liveTracks, phase, shoot, spy, startAndWait } from './posture-helpers';

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

test.use({
	launchOptions: fakeCameraLaunch(SIDE_Y4M),
	permissions: ['notifications']
});

test('a slouch that lasts the grace period nudges: banner, desktop notification when another window has the focus, snooze', async ({
	page
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

	// Another window has the focus (headless Chromium keeps every tab visible and focused, so
	// the page's own check is told so): the nudge goes to the desktop as well as the banner.
	await page.evaluate(() => Object.defineProperty(document, 'hasFocus', { value: () => false }));
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { __notes: unknown[] }).__notes.length), {
			timeout: 90_000,
			intervals: [1000]
		})
		.toBeGreaterThanOrEqual(1);
	const notes = await page.evaluate(
		() => (window as unknown as { __notes: Array<{ title: string; body: string }> }).__notes
	);
	expect(notes[0]!.title).toBe('Time to sit up');
	// The clip was upright for its first 24 s: no nudge before the slouch plus the grace.
	expect(Date.now() - t0).toBeGreaterThan((UPRIGHT_SECONDS + 5) * 1000);

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
