import { describe, expect, it } from 'vitest';
import type { Body } from '../pose/keypoints';
import { makeCamera, renderPosture } from './camera';
import { KeypointNoise, mulberry32, noiseOptions, NOISE_PRESETS, Rng } from './noise';
import { standingNeutral } from './postures';

const clean = renderPosture(standingNeutral, makeCamera()) as Body;
const DT = 1 / 30; // s

function run(noise: KeypointNoise, frames: number): (Body | null)[] {
	return Array.from({ length: frames }, () => noise.apply(clean, DT));
}

describe('random sources', () => {
	it('mulberry32 is deterministic and stays in [0, 1)', () => {
		const a = mulberry32(123);
		const b = mulberry32(123);
		for (let i = 0; i < 1000; i++) {
			const x = a();
			expect(x).toBe(b());
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});

	it('gaussian has the asked mean and sd (10 000 draws, 3 % tolerance)', () => {
		const rng = new Rng(9);
		const xs = Array.from({ length: 10000 }, () => rng.gaussian(5, 2));
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
		expect(Math.abs(mean - 5)).toBeLessThan(0.06);
		expect(Math.abs(sd - 2) / 2).toBeLessThan(0.03);
	});

	it('derived streams differ from each other', () => {
		expect(Rng.derive(1, 1).next()).not.toBe(Rng.derive(1, 2).next());
		expect(Rng.derive(1, 1).next()).not.toBe(Rng.derive(2, 1).next());
	});
});

describe('KeypointNoise', () => {
	it('same seed, same frames; another seed, other frames', () => {
		const a = run(new KeypointNoise('heavy', 5), 100);
		const b = run(new KeypointNoise('heavy', 5), 100);
		const c = run(new KeypointNoise('heavy', 6), 100);
		expect(a).toEqual(b);
		expect(a).not.toEqual(c);
	});

	it('reset replays the same noise', () => {
		const n = new KeypointNoise('realistic', 3);
		const a = run(n, 50);
		n.reset();
		expect(run(n, 50)).toEqual(a);
	});

	it('sigma 0 (no noise) returns the clean keypoints exactly, as a copy', () => {
		const n = new KeypointNoise({}, 1);
		for (const b of run(n, 10)) {
			expect(b).toEqual(clean);
			expect(b).not.toBe(clean);
		}
	});

	it('jitter has the asked sigma in px', () => {
		const sigma = 3; // px
		const n = new KeypointNoise({ jitterPx: sigma }, 11);
		const dx: number[] = [];
		for (const b of run(n, 600)) {
			b!.keypoints.forEach((k, i) => dx.push(k!.x - clean.keypoints[i]!.x));
		}
		const sd = Math.sqrt(dx.reduce((s, x) => s + x * x, 0) / dx.length);
		expect(Math.abs(sd - sigma) / sigma).toBeLessThan(0.05);
	});

	it('drift wanders slowly: consecutive frames differ far less than its sigma', () => {
		const n = new KeypointNoise({ driftPx: 5, driftSeconds: 1 }, 2);
		const frames = run(n, 300);
		let step = 0;
		let spread = 0;
		for (let i = 1; i < frames.length; i++) {
			step += Math.abs(frames[i]!.keypoints[0]!.x - frames[i - 1]!.keypoints[0]!.x);
			spread += Math.abs(frames[i]!.keypoints[0]!.x - clean.keypoints[0]!.x);
		}
		expect(step / spread).toBeLessThan(0.3);
	});

	it('drops keypoints and misses frames at about the asked rates', () => {
		const n = new KeypointNoise({ dropProbability: 0.1, missedFrameProbability: 0.05 }, 4);
		const frames = run(n, 4000);
		const missed = frames.filter((f) => f === null).length / frames.length;
		const bodies = frames.filter((f): f is Body => f !== null);
		const dropped =
			bodies.flatMap((b) => b.keypoints).filter((k) => k === null).length / (bodies.length * 17);
		expect(Math.abs(missed - 0.05)).toBeLessThan(0.015);
		expect(Math.abs(dropped - 0.1)).toBeLessThan(0.01);
	});

	it('outliers jump far; scores stay in 0..1', () => {
		const n = new KeypointNoise({ outlierProbability: 0.05, outlierPx: 80, scoreJitter: 0.3 }, 8);
		let far = 0;
		for (const b of run(n, 200)) {
			b!.keypoints.forEach((k, i) => {
				expect(k!.score).toBeGreaterThanOrEqual(0);
				expect(k!.score).toBeLessThanOrEqual(1);
				const c = clean.keypoints[i]!;
				if (Math.hypot(k!.x - c.x, k!.y - c.y) > 30) far++;
			});
		}
		expect(far / (200 * 17)).toBeGreaterThan(0.03);
		expect(far / (200 * 17)).toBeLessThan(0.07);
	});

	it('each kind of noise has its own stream: more jitter, same missed frames', () => {
		const a = run(new KeypointNoise({ missedFrameProbability: 0.2 }, 9), 200);
		const b = run(new KeypointNoise({ missedFrameProbability: 0.2, jitterPx: 4 }, 9), 200);
		expect(a.map((f) => f === null)).toEqual(b.map((f) => f === null));
	});

	it('passes a null body through and validates options', () => {
		const nobody: Body | null = null; // a named null: `x.apply(null, …)` reads as Function#apply to lint
		expect(new KeypointNoise('realistic').apply(nobody, DT)).toBeNull();
		expect(() => noiseOptions({ jitterPx: -1 })).toThrow(/jitterPx/);
		expect(() => noiseOptions({ dropProbability: 2 })).toThrow(/probability/);
		expect(noiseOptions('realistic')).toEqual(NOISE_PRESETS.realistic);
	});
});
