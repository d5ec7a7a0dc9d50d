/**
 * What drove a slouch, on simulated sitters (src/lib/sim, realistic keypoint noise) from the
 * front and the side: a forward-head slouch is put down to the head, a rounded-shoulders slouch
 * to the shoulders; and the front view's readings taken apart on hand-made checks.
 */
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../pose/keypoints';
import * as sim from '../sim';
import { Calibrator } from './calibration';
import { PostureEngine, type PostureReading } from './engine';
import type { MetricCheck, PostureMetricId } from './metrics';
import { causeEvidence, slouchCause } from './slouch-cause';

const SEATED = { distanceM: 1.6, target: { y: 0.95 } };
const still = (p: sim.PostureInput, seconds: number, seed = 1) =>
	sim.idle(seconds, { posture: p, sway: 0.5, seed });

/** 8 s upright (calibrated on 0–6 s), then 20 s in `slouch`: the readings after 10 s. */
function readings(slouch: sim.PostureInput, view: 'front' | 'side'): PostureReading[] {
	const frames: PoseFrame[] = sim.simulate({
		timeline: sim.sequence(still(sim.sittingNeutral, 8), still(slouch, 20, 2)),
		camera: { ...SEATED, view },
		noise: 'realistic',
		seed: 1
	}).frames;
	const measuring = new PostureEngine();
	const c = new Calibrator();
	for (const f of frames) if (f.t <= 6) c.add(f.t, measuring.measure(f).features);
	const engine = new PostureEngine();
	engine.calibration = c.finish();
	return frames.map((f) => engine.process(f)).filter((r) => r.t >= 10);
}

/** Share of the slouched readings put down to each cause, and the slouched share itself. */
function shares(rs: readonly PostureReading[]) {
	const slouched = rs.filter((r) => r.status === 'slouched');
	const n = Math.max(1, slouched.length);
	return {
		slouched: slouched.length / rs.length,
		head: slouched.filter((r) => r.cause === 'forward-head').length / n,
		shoulders: slouched.filter((r) => r.cause === 'rounded-shoulders').length / n
	};
}

/** The head pushed toward the screen and the chin down, the upper back barely rounded. */
const FRONT_FORWARD_HEAD = sim.posture(
	{ headForward: 1, neckFlexion: 20, thoracicFlexion: 10 },
	sim.sittingNeutral
);
/** Shoulders rolled forward and hitched up toward the ears, the head kept where it was. */
const FRONT_ROUNDED = sim.posture(
	{ shoulderRetraction: -0.15, shoulderElevation: 0.25 },
	sim.sittingNeutral
);
/** A chin poke: the head ahead of the shoulders, the trunk upright. */
const SIDE_FORWARD_HEAD = sim.posture({ headForward: 0.5, neckFlexion: 10 }, sim.sittingNeutral);
/** Shoulders rolled forward on an upper back rounded 15°. */
const SIDE_ROUNDED = sim.posture(
	{ shoulderRetraction: -0.12, thoracicFlexion: 15 },
	sim.sittingNeutral
);

describe('slouch cause on simulated sitters', () => {
	it.each([
		['front', 'forward head', 'head', FRONT_FORWARD_HEAD],
		['front', 'rounded shoulders', 'shoulders', FRONT_ROUNDED],
		['side', 'forward head', 'head', SIDE_FORWARD_HEAD],
		['side', 'rounded shoulders', 'shoulders', SIDE_ROUNDED]
	] as const)('%s view, a %s slouch is put down to the %s', (view, _name, right, p) => {
		const s = shares(readings(p, view));
		const wrong = right === 'head' ? 'shoulders' : 'head';
		// Judged a slouch most of the time (settling and the first median window aside)…
		expect(s.slouched).toBeGreaterThan(0.4);
		expect(s.slouched).toBeLessThanOrEqual(1);
		// …and put down to the right cause, rarely the other.
		expect(s[right]).toBeGreaterThan(0.75);
		expect(s[right]).toBeLessThanOrEqual(1);
		// (The simulated rounded shoulders sit near their limits and break off five times in the
		// 20 s: 30 of ≈ 280 slouched readings go to the head, at each break's start.)
		expect(s[wrong]).toBeLessThan(0.12);
	});

	it('names no cause while upright', () => {
		const rs = readings(sim.sittingNeutral, 'front');
		expect(rs.filter((r) => r.status === 'upright').length).toBeGreaterThan(rs.length * 0.9);
		expect(rs.filter((r) => r.cause !== null)).toHaveLength(0);
	});
});

/** A front check with `worse` against `limit` (not excused). */
const check = (id: PostureMetricId, worse: number, limit: number): MetricCheck => ({
	id,
	label: id,
	unit: 'ratio',
	part: 'head',
	worse,
	limit,
	ratio: worse / limit,
	excused: false
});

describe('front readings taken apart', () => {
	it('a head that only looks larger because the shoulders narrowed is the shoulders', () => {
		// Shoulders 12 % narrower, the head as wide as calibrated: head/shoulders grew 1/0.88.
		const checks = [check('headForward', 1 / 0.88 - 1, 0.18), check('leanIn', -0.12, 0.15)];
		const e = causeEvidence(checks);
		expect(e.head).toBeCloseTo(0, 6);
		expect(e.shoulders).toBeCloseTo((1 / 0.88 - 1) / 0.18, 6);
		expect(slouchCause(checks)).toBe('rounded-shoulders');
	});

	it('a neck shortened by the shoulders rising is the shoulders, by the head sinking the head', () => {
		const rising = [check('neckShorten', 0.12, 0.075), check('shoulderDrop', -0.12, 0.06)];
		expect(slouchCause(rising)).toBe('rounded-shoulders');
		const sinking = [check('neckShorten', 0.12, 0.075), check('shoulderDrop', 0, 0.06)];
		expect(slouchCause(sinking)).toBe('forward-head');
	});

	it('a glance (excused head checks) or a tilt alone names no cause', () => {
		const glance = { ...check('chinDown', 0.6, 0.4), excused: true, excuse: 'glance' as const };
		expect(slouchCause([glance])).toBeNull();
		expect(slouchCause([check('headTilt', 30, 18)])).toBeNull();
	});
});
