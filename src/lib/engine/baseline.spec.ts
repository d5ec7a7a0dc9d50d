import { describe, expect, it } from 'vitest';
import type { Metrics } from '../metrics/body-metrics';
import { Baseline, stillMedian } from './baseline';

/** Deterministic pseudo-noise in [-1, 1]. */
const noise = (i: number) => {
	const s = Math.sin(i * 12.9898) * 43758.5453;
	return (s - Math.floor(s)) * 2 - 1;
};
const gap = (v: number) => ({ earShoulderGap: v }) as unknown as Metrics;
const FPS = 30;

describe('stillMedian', () => {
	const win = (f: (i: number) => number, n = 30) =>
		Array.from({ length: n }, (_, i) => ({ v: f(i) }));

	it('takes a noisy but still window, wild frames included', () => {
		// ±0.05 scale units of noise (heavy keypoint wander on a small body) and two wild frames:
		// max − min is 0.6, far above the 0.08 limit, but the middle half is tight.
		const w = win((i) => 0.3 + 0.05 * noise(i) + (i === 7 ? 0.3 : i === 20 ? -0.3 : 0));
		expect(stillMedian(w, 0.08)).toBeCloseTo(0.3, 1);
	});

	it('refuses a window with a trend (moving into or out of a position)', () => {
		// A shrug's 0.13 closing spread over the window: its halves differ by ≈ 0.065.
		expect(
			stillMedian(
				win((i) => 0.33 - (0.13 * i) / 29),
				0.08
			)
		).toBeNull();
	});

	it('refuses a window whose middle half is spread', () => {
		expect(
			stillMedian(
				win((i) => 0.3 + 0.2 * noise(i)),
				0.08
			)
		).toBeNull();
	});
});

describe('Baseline', () => {
	it('captures within ~1 s of noisy standing still, at the resting value', () => {
		const b = new Baseline(['earShoulderGap']);
		let at = NaN;
		for (let i = 0; i < 3 * FPS && Number.isNaN(at); i++) {
			b.update(gap(0.33 + 0.04 * noise(i) + (i % 11 === 0 ? 0.2 : 0)), i / FPS, false);
			if (b.has('earShoulderGap')) at = i / FPS;
		}
		expect(at).toBeLessThan(1.2);
		expect(b.values.earShoulderGap).toBeCloseTo(0.33, 1);
	});

	it('waits while the person is moving', () => {
		const b = new Baseline(['earShoulderGap']);
		// Shrugging continuously (1 s period, 0.13 deep): never still.
		for (let i = 0; i < 5 * FPS; i++) {
			b.update(gap(0.33 - 0.065 * (1 - Math.cos((2 * Math.PI * i) / FPS))), i / FPS, false);
		}
		expect(b.has('earShoulderGap')).toBe(false);
	});

	it('averages resting frames equally over refineSeconds, so a wrong capture is corrected', () => {
		const b = new Baseline(['earShoulderGap']);
		// Captured 0.04 high (slow keypoint wander during the first second)…
		for (let i = 0; i < 1.2 * FPS; i++) b.update(gap(0.37 + 0.005 * noise(i)), i / FPS, false);
		expect(b.values.earShoulderGap).toBeCloseTo(0.37, 2);
		// …then 19 s at rest at 0.33: a mean of everything in the 20 s window, ≈ 0.332. The old
		// exponential refinement would sit at 0.33 too, so also check the equal weighting: after
		// 5 s the mean is (1.2 s × 0.37 + 5 s × 0.33) / 6.2 s ≈ 0.338, not already ≈ 0.33.
		let at5 = NaN;
		for (let i = 1.2 * FPS; i < 20 * FPS; i++) {
			b.update(gap(0.33 + 0.005 * noise(i)), i / FPS, true);
			if (i === Math.round(6.2 * FPS)) at5 = b.values.earShoulderGap!;
		}
		expect(at5).toBeCloseTo((1.2 * 0.37 + 5 * 0.33) / 6.2, 2);
		expect(b.values.earShoulderGap).toBeCloseTo(0.332, 2);
	});

	it('forgets resting frames older than refineSeconds (slow posture drift is followed)', () => {
		const b = new Baseline(['earShoulderGap'], { refineSeconds: 10 });
		for (let i = 0; i < 30 * FPS; i++) b.update(gap(0.3 + 0.001 * (i / FPS)), i / FPS, true);
		// Drifting 0.001 a second: the mean of the last 10 s lags 5 s behind, at ≈ 0.325.
		expect(b.values.earShoulderGap).toBeCloseTo(0.325, 3);
	});

	it('relearns: after relearn, old resting frames go once 0.5 s of new ones are in', () => {
		const b = new Baseline(['earShoulderGap']);
		for (let i = 0; i < 1.2 * FPS; i++) b.update(gap(0.33), i / FPS, false);
		for (let i = 1.2 * FPS; i < 10 * FPS; i++) b.update(gap(0.33), i / FPS, true);
		b.relearn('earShoulderGap', 10);
		// 0.3 s of frames at 0.37: still mixed with the 10 s at 0.33 (≈ 0.331).
		let i = 10 * FPS;
		for (; i < 10.3 * FPS; i++) b.update(gap(0.37), i / FPS, true);
		expect(b.values.earShoulderGap).toBeLessThan(0.335);
		// Past 0.5 s: only the new frames count.
		for (; i < 10.6 * FPS; i++) b.update(gap(0.37), i / FPS, true);
		expect(b.values.earShoulderGap).toBeCloseTo(0.37, 5);
	});

	it('ignores frames that are not resting, and resting frames far from the baseline', () => {
		const b = new Baseline(['earShoulderGap']);
		for (let i = 0; i < 1.2 * FPS; i++) b.update(gap(0.33), i / FPS, false);
		for (let i = 1.2 * FPS; i < 5 * FPS; i++) {
			b.update(gap(0.2), i / FPS, false); // mid-rep: not resting
			b.update(gap(0.9), i / FPS + 0.001, true); // a wild frame (0.57 off): left out
		}
		expect(b.values.earShoulderGap).toBeCloseTo(0.33, 5);
	});
});
