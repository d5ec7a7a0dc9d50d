import { expect, type Page } from '@playwright/test';
import { screenshot } from './helpers';

/** Shared by the work-mode browser tests (tests/e2e/posture-*.spec.ts). */

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
