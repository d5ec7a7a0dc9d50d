import { describe, expect, it } from 'vitest';
import { KP, type Body, type KeypointName, type PoseFrame } from '../pose/keypoints';
import { makeCamera, renderPosture } from './camera';
import {
	ease,
	hold,
	idle,
	repeat,
	sequence,
	setupWalkIn,
	timeline,
	transition,
	withSway
} from './motion';
import { sittingNeutral, standingNeutral, wallAngelHigh, wallAngelLow } from './postures';
import { posture, type Posture } from './skeleton';
import { generateFrames } from './trace';

const FPS = 30;

const y = (b: Body | null, n: KeypointName): number | null => {
	const k = b?.keypoints[KP[n]];
	return k ? k.y : null;
};

/** Mean wrist height in image px (up positive), null when neither wrist is there. */
function wristHeights(frames: readonly PoseFrame[]): (number | null)[] {
	return frames.map((f) => {
		const ys = [y(f.body, 'left_wrist'), y(f.body, 'right_wrist')].filter(
			(v): v is number => v !== null
		);
		return ys.length ? -ys.reduce((s, v) => s + v, 0) / ys.length : null;
	});
}

/**
 * Peaks by hysteresis: a peak is a rise above 70 % of the signal's range followed by a fall
 * below 30 %. The range runs from the 5th to the 95th percentile so rare outliers do not
 * stretch it, and a median of 3 removes single-frame spikes; gaps (null) are skipped.
 */
function countPeaks(signal: readonly (number | null)[]): number {
	const raw = signal.filter((s): s is number => s !== null);
	const v = raw.map((_, i) => {
		const w = raw.slice(Math.max(0, i - 1), i + 2).sort((a, b) => a - b);
		return w[Math.floor(w.length / 2)]!;
	});
	const sorted = [...v].sort((a, b) => a - b);
	const lo = sorted[Math.floor(0.05 * (sorted.length - 1))]!;
	const hi = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
	const up = lo + 0.7 * (hi - lo);
	const down = lo + 0.3 * (hi - lo);
	let high = false;
	let peaks = 0;
	for (const s of v) {
		if (!high && s > up) {
			high = true;
			peaks++;
		} else if (high && s < down) high = false;
	}
	return peaks;
}

const near = (a: Posture, b: Posture) => {
	expect(a.armRaise.left).toBeCloseTo(b.armRaise.left, 9);
	expect(a.elbowFlex.right).toBeCloseTo(b.elbowFlex.right, 9);
	expect(a.trunkFlexion).toBeCloseTo(b.trunkFlexion, 9);
	expect(a.root.x).toBeCloseTo(b.root.x, 9);
	expect(a.bodyYaw).toBeCloseTo(b.bodyYaw, 9);
};

describe('ease', () => {
	it.each(['linear', 'sine', 'cubic'] as const)('%s runs 0 → 1 monotonically', (kind) => {
		let prev = -1;
		for (let i = 0; i <= 20; i++) {
			const e = ease(kind, i / 20);
			expect(e).toBeGreaterThanOrEqual(prev);
			prev = e;
		}
		expect(ease(kind, 0)).toBe(0);
		expect(ease(kind, 1)).toBe(1);
	});
});

describe('timeline', () => {
	it('passes through its keyframes; each patch builds on the previous keyframe', () => {
		const m = timeline([
			{ t: 0, posture: { armRaise: 0 } },
			{ t: 1, posture: { armRaise: 90 }, ease: 'linear' },
			{ t: 2, posture: { elbowFlex: 45 }, label: 'bent' }
		]);
		expect(m.duration).toBe(2);
		expect(m.sample(0.5).armRaise.left).toBeCloseTo(45, 9);
		const end = m.sample(2);
		expect(end.armRaise.left).toBe(90);
		expect(end.elbowFlex.left).toBe(45);
		expect(m.sample(-1).armRaise.left).toBe(0);
		expect(m.sample(99).elbowFlex.left).toBe(45);
		expect(m.events).toEqual([{ t: 2, type: 'mark', label: 'bent' }]);
	});

	it('rejects keyframes out of order', () => {
		expect(() => timeline([])).toThrow(/at least one/);
		expect(() =>
			timeline([
				{ t: 1, posture: {} },
				{ t: 0.5, posture: {} }
			])
		).toThrow(/keyframe 1/);
	});

	it('sequence adds durations, shifts events and hands over at the seams', () => {
		const a = hold(wallAngelLow, 2);
		const b = transition(wallAngelLow, wallAngelHigh, 1);
		const m = sequence(a, b, hold(wallAngelHigh, 1));
		expect(m.duration).toBe(4);
		expect(m.events.map((e) => [e.type, e.t])).toEqual([
			['hold-start', 0],
			['hold-end', 2],
			['hold-start', 3],
			['hold-end', 4]
		]);
		near(m.sample(2), wallAngelLow);
		near(m.sample(3), wallAngelHigh);
	});
});

describe('repeat', () => {
	it.each([1, 3, 5, 8])(
		'%i reps give exactly that many wrist-height peaks, clean and noisy',
		(n) => {
			const m = repeat(n, {
				from: wallAngelLow,
				to: wallAngelHigh,
				upSeconds: 1.2,
				holdSeconds: 0.3,
				downSeconds: 1.2,
				restSeconds: 0.8,
				leadSeconds: 1
			});
			expect(m.duration).toBeCloseTo(1 + n * 3.5, 9);
			expect(m.events.filter((e) => e.type === 'rep-top')).toHaveLength(n);
			for (const noise of ['none', 'realistic'] as const) {
				const frames = generateFrames({ timeline: m, fps: FPS, noise, seed: n });
				expect(countPeaks(wristHeights(frames))).toBe(n);
			}
		}
	);

	it('partial reps reach their depth', () => {
		const m = repeat(3, { from: wallAngelLow, to: wallAngelHigh, depths: [1, 0.4, 1] });
		const tops = m.events.filter((e) => e.type === 'rep-top');
		const raise = tops.map((e) => m.sample(e.t).armRaise.left);
		expect(raise[0]).toBeCloseTo(165, 9);
		expect(raise[1]).toBeCloseTo(90 + 0.4 * 75, 9);
		// Events carry the depth for the benchmark's ground truth.
		expect(tops.map((e) => e.depth)).toEqual([1, 0.4, 1]);
	});

	it('variability is seeded: same seed same reps, and timing varies between reps', () => {
		const o = {
			from: wallAngelLow,
			to: wallAngelHigh,
			variability: { timing: 0.2, depth: 0.05, seed: 3 }
		};
		const a = repeat(5, o);
		const b = repeat(5, o);
		expect(a.events).toEqual(b.events);
		const starts = a.events.filter((e) => e.type === 'rep-start').map((e) => e.t);
		const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
		expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(0.05);
	});

	it('validates its arguments', () => {
		expect(() => repeat(-1, { from: {}, to: {} })).toThrow(/integer/);
		expect(() => repeat(2, { from: {}, to: {}, upSeconds: -1 })).toThrow(/upSeconds/);
	});
});

describe('idle sway', () => {
	it.each([1, 2, 3])(
		'stays within 1 %% of body height vertically and 2.5 %% sideways (seed %i)',
		(seed) => {
			const cam = makeCamera();
			const bodyPx = cam.pxPerMetre * 1.75;
			const frames = generateFrames({ timeline: idle(60, { seed }), camera: cam, fps: 10 });
			const neutral = renderPosture(standingNeutral, cam)!;
			for (const name of [
				'nose',
				'left_shoulder',
				'left_wrist',
				'right_wrist',
				'left_hip'
			] as const) {
				const ys = frames.map((f) => f.body!.keypoints[KP[name]]!.y);
				const xs = frames.map((f) => f.body!.keypoints[KP[name]]!.x);
				expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(0.01 * bodyPx);
				expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.025 * bodyPx);
				// Sway is around the posture, not a drift away from it.
				const meanY = ys.reduce((s, v) => s + v, 0) / ys.length;
				expect(Math.abs(meanY - neutral.keypoints[KP[name]]!.y)).toBeLessThan(0.005 * bodyPx);
			}
		}
	);

	it('actually moves (it is not a frozen frame)', () => {
		const m = idle(10, { seed: 4 });
		expect(m.sample(0)).not.toEqual(m.sample(3));
	});

	it('sway 0 is the plain posture; withSway keeps duration and events', () => {
		const m = idle(5, { posture: sittingNeutral, sway: 0 });
		near(m.sample(2.5), sittingNeutral);
		const r = repeat(2, { from: wallAngelLow, to: wallAngelHigh });
		const s = withSway(r);
		expect(s.duration).toBe(r.duration);
		expect(s.events).toBe(r.events);
	});
});

describe('setupWalkIn', () => {
	it('enters from outside the frame across it and ends exactly in the final posture', () => {
		const final = posture({ armRaise: 20 }, standingNeutral);
		const m = setupWalkIn(5, { from: 'left', posture: final });
		const frames = generateFrames({ timeline: m, fps: FPS });
		expect(frames[0]!.body).toBeNull();
		near(m.sample(5), final);
		// While walking the hips move to the right of the image, never back by much.
		const hipX = frames
			.filter((f) => f.t <= 2.5 && f.body)
			.map((f) => (f.body!.keypoints[KP.left_hip]!.x + f.body!.keypoints[KP.right_hip]!.x) / 2);
		expect(hipX.length).toBeGreaterThan(10);
		for (let i = 1; i < hipX.length; i++) expect(hipX[i]!).toBeGreaterThan(hipX[i - 1]! - 1);
		// Walking sideways across a front camera, then turned to face it.
		expect(m.sample(1).bodyYaw).toBeCloseTo(90, 9);
		expect(m.sample(5).bodyYaw).toBe(0);
		expect(m.events.map((e) => e.label)).toEqual(['arrived', 'ready']);
	});

	it('from the right, or toward a side camera, the walk still crosses the image', () => {
		const right = setupWalkIn(5, { from: 'right' });
		expect(right.sample(0).root.x).toBeGreaterThan(2);
		const side = setupWalkIn(5, { cameraYawDeg: 90 });
		// A side camera sees the person's z axis across the image: walking needs no turn.
		expect(side.sample(0).root.z).toBeGreaterThan(2);
		expect(side.sample(1).bodyYaw).toBeCloseTo(180, 9);
	});
});
