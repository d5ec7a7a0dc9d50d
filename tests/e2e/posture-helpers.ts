import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { screenshot } from './helpers';

/** Shared by the work-mode browser tests (tests/e2e/posture-*.spec.ts) and bench:posture. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DESK_SOURCE = path.join(ROOT, 'tests/fixtures/media/volcomix_doctor_desk_26732_640p10.mp4');
/** A woman typing at a computer, front-¾ view, 10 fps: sitting still enough to calibrate on. */
export const DESK_Y4M = path.join(ROOT, 'tests/fixtures/generated/doctor_desk_640p10.y4m');

/** Converts the desk clip to raw video for Chromium's fake camera, once. */
export function ensureDeskClip(): string {
	if (existsSync(DESK_Y4M) && statSync(DESK_Y4M).mtimeMs >= statSync(DESK_SOURCE).mtimeMs)
		return DESK_Y4M;
	mkdirSync(path.dirname(DESK_Y4M), { recursive: true });
	execFileSync(
		'ffmpeg',
		['-y', '-loglevel', 'error', '-i', DESK_SOURCE, '-pix_fmt', 'yuv420p', DESK_Y4M],
		{ stdio: 'inherit' }
	);
	return DESK_Y4M;
}

/** Chromium's launch options (as in playwright.config.ts) with the fake camera playing `y4m`. */
export function fakeCameraLaunch(y4m: string) {
	return {
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
			`--use-file-for-fake-video-capture=${y4m}`
		]
	};
}

export async function shoot(page: Page, name: string) {
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
export function spy() {
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

export const liveTracks = (page: Page) =>
	page.evaluate(
		() =>
			(window as unknown as { __streams: MediaStream[] }).__streams
				.flatMap((s) => s.getTracks())
				.filter((t) => t.readyState === 'live').length
	);

export const phase = (page: Page) => page.getByTestId('posture-page');

export async function startAndWait(page: Page, expected: 'needs-calibration' | 'monitoring') {
	await page.getByTestId('start').click();
	await expect(page.getByTestId('camera-indicator')).toHaveText('Camera on', { timeout: 30_000 });
	// Model load (and the one-off backend choice) takes a while on a busy two-core machine.
	await expect(phase(page)).toHaveAttribute('data-phase', expected, { timeout: 150_000 });
}
