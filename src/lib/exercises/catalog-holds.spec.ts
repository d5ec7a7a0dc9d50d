/**
 * The catalog's camera-checked holds beyond the first six, on generated stick-figure traces
 * with realistic noise: a correct performance completes the dose's holds, the main fault raises
 * its cue (and pauses the hold), and the wrong camera view times nothing and says so. Same
 * method as exercises.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import * as extra from '../sim/extra-postures';
import { DESK_CAMERA, ex, runMotion, SEATED_CAMERA, SEEDS, settle } from './test-helpers';

/**
 * `count` holds of `seconds` in `pose`, each entered from and left to `ready` (with a 6 s pause
 * there), after settling at `start`. The pause is longer than the coach's 3 s "hold ended" gap
 * with room to spare: a single noisy frame that looks in position restarts that gap (see the
 * engine notes in the exercise report), and people rest between holds anyway.
 */
const holds = (
	start: sim.Posture,
	ready: sim.Posture,
	pose: sim.Posture,
	count: number,
	seconds: number
): sim.Motion =>
	sim.sequence(
		settle(start),
		sim.transition(start, ready, 1.5),
		...Array.from({ length: count }, () => [
			sim.transition(ready, pose, 1.5),
			sim.hold(pose, seconds),
			sim.transition(pose, ready, 1.5),
			sim.hold(ready, 6)
		]).flat()
	);

/** One hold per side, left then right, from and back to `rest`. */
const bothSides = (rest: sim.Posture, left: sim.Posture, right: sim.Posture, seconds: number) =>
	sim.sequence(
		settle(rest),
		sim.transition(rest, left, 2),
		sim.hold(left, seconds),
		sim.transition(left, rest, 2),
		sim.hold(rest, 2),
		sim.transition(rest, right, 2),
		sim.hold(right, seconds),
		sim.transition(right, rest, 2)
	);

/** Laptop on the floor about 2.2 m away, side-on, framing a person sitting on the floor. */
const FLOOR_SIDE = { view: 'side' as const, distanceM: 2.2, target: { y: 0.45 } };
const FULL_SIDE = { view: 'side' as const };
/** Side-on about 2.2 m away: a standing person fills the frame, head to feet. */
const STANDING_SIDE = { view: 'side' as const, distanceM: 2.2, target: { y: 0.9 } };

describe('thoracic-extension-floor', () => {
	const def = ex('thoracic-extension-floor');
	const run = (pose: sim.Posture, camera: sim.CameraOptions = FLOOR_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: holds(extra.floorSitting, extra.floorHandsBehindHead, pose, 3, 21),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 3 holds of 20 s with the laptop on the floor (seed %d)', (seed) => {
		const r = run(extra.thoracicExtensionFloor, FLOOR_SIDE, seed);
		expect(r.holds).toHaveLength(3);
		for (const h of r.holds) expect(h.seconds).toBeGreaterThanOrEqual(20);
		expect(r.cueIds).not.toContain('elbows-forward');
	});

	it('pauses the hold and cues when the elbows fold forward', () => {
		const r = run(extra.thoracicExtensionFloorElbowsIn);
		expect(r.cueIds).toContain('elbows-forward');
		expect(r.holds).toHaveLength(0);
	});

	it('sitting upright with hands behind the head is not yet the hold', () => {
		const r = run(extra.floorHandsBehindHead);
		expect(r.holds).toHaveLength(0);
		expect(r.cueIds).toContain('hold-position');
	});

	it('needs the side view', () => {
		const r = run(extra.thoracicExtensionFloor, { ...FLOOR_SIDE, view: 'front' });
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('upper-back-extension-standing', () => {
	const def = ex('upper-back-extension-standing');
	const run = (pose: sim.Posture, camera: sim.CameraOptions = STANDING_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: holds(sim.standingNeutral, sim.handsOnLowerBack, pose, 3, 21),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 3 holds of 20 s (seed %d)', (seed) => {
		const r = run(sim.upperBackExtensionStanding, STANDING_SIDE, seed);
		expect(r.holds).toHaveLength(3);
		expect(r.cueIds).not.toContain('hips-forward');
	});

	it('cues and pauses when the arch comes from pushing the hips forward', () => {
		const r = run(extra.lowerBackArchHipsForward);
		expect(r.cueIds).toContain('hips-forward');
		expect(r.cues.find((c) => c.id === 'hips-forward')!.text).toMatch(/hips/i);
		expect(r.holds).toHaveLength(0);
	});

	it('needs the side view', () => {
		const r = run(sim.upperBackExtensionStanding, { ...STANDING_SIDE, view: 'front' });
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('doorway-stretch', () => {
	const def = ex('doorway-stretch');
	const run = (pose: sim.Posture, camera: sim.CameraOptions = FULL_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: holds(sim.standingNeutral, extra.doorwayStart, pose, 2, 31),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 2 holds of 30 s (seed %d)', (seed) => {
		const r = run(sim.doorwayStretch, FULL_SIDE, seed);
		expect(r.holds).toHaveLength(2);
		expect(r.cueIds.has('elbows-low') || r.cueIds.has('head-forward')).toBe(false);
	});

	it('cues sagging elbows and does not credit the hold', () => {
		const r = run(extra.doorwayElbowsLow);
		expect(r.cueIds).toContain('elbows-low');
		expect(r.holds).toHaveLength(0);
	});

	it('cues a chin poking forward', () => {
		expect(run(extra.doorwayHeadForward).cueIds).toContain('head-forward');
	});

	it('arms on the frame without stepping through is not yet the stretch', () => {
		const r = run(extra.doorwayStart);
		expect(r.holds).toHaveLength(0);
		expect(r.cueIds).toContain('hold-position');
	});

	it('needs the side view', () => {
		const r = run(sim.doorwayStretch, {});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('neck-rotation', () => {
	const def = ex('neck-rotation');
	const run = (left: sim.Posture, camera: sim.CameraOptions = DESK_CAMERA, seed = 1) =>
		runMotion(def, {
			timeline: bothSides(sim.standingNeutral, left, sim.neckTurnRight, 11),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times one 10 s hold per side (seed %d)', (seed) => {
		const r = run(sim.neckTurnLeft, DESK_CAMERA, seed);
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.holds.map((h) => h.side)).toEqual(['left', 'right']);
		expect(r.cueIds).not.toContain('shoulders-turning');
	});

	it('cues and pauses when the chest turns with the head', () => {
		const r = run(extra.neckTurnWithShoulders);
		expect(r.cueIds).toContain('shoulders-turning');
		expect(r.holdsBySide).toEqual({ left: 0, right: 1 });
	});

	it('needs the front view', () => {
		const r = run(sim.neckTurnLeft, { ...DESK_CAMERA, view: 'side' });
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('arm-press-curl', () => {
	const def = ex('arm-press-curl');
	const run = (curl: sim.Posture, camera: sim.CameraOptions = FULL_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: sim.sequence(
				settle(sim.standingNeutral),
				sim.transition(sim.standingNeutral, sim.armPressForward, 1.5),
				...Array.from({ length: 3 }, () => [
					sim.hold(sim.armPressForward, 15),
					sim.transition(sim.armPressForward, curl, 2),
					sim.hold(curl, 16),
					sim.transition(curl, sim.armPressForward, 2)
				]).flat()
			),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 3 curls of 15 s between presses (seed %d)', (seed) => {
		const r = run(sim.armCurlRound, FULL_SIDE, seed);
		expect(r.holds).toHaveLength(3);
		expect(r.cueIds).not.toContain('arms-dropped');
	});

	it('cues and pauses when the arms drop during the curl', () => {
		const r = run(extra.armCurlArmsDropped);
		expect(r.cueIds).toContain('arms-dropped');
		expect(r.holds).toHaveLength(0);
	});

	it('needs the side view', () => {
		const r = run(sim.armCurlRound, {});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('lat-side-stretch', () => {
	const def = ex('lat-side-stretch');
	const run = (left: sim.Posture, camera: sim.CameraOptions = {}, seed = 1) =>
		runMotion(def, {
			timeline: bothSides(sim.standingNeutral, left, sim.sideStretchLeanRight, 21),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times one 20 s hold per side (seed %d)', (seed) => {
		const r = run(sim.sideStretchLeanLeft, {}, seed);
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.cueIds).not.toContain('bent-arm');
	});

	it('cues and pauses when the raised arm bends', () => {
		const r = run(extra.sideStretchBentArm);
		expect(r.cueIds).toContain('bent-arm');
		expect(r.holdsBySide).toEqual({ left: 0, right: 1 });
	});

	it('needs the front view', () => {
		const r = run(sim.sideStretchLeanLeft, FULL_SIDE);
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('crossbody-shoulder-stretch', () => {
	const def = ex('crossbody-shoulder-stretch');
	const run = (left: sim.Posture, camera: sim.CameraOptions = SEATED_CAMERA, seed = 1) =>
		runMotion(def, {
			timeline: bothSides(sim.standingNeutral, left, sim.crossbodyStretchRight, 31),
			camera: { ...camera, target: { y: 1.3 } },
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times one 30 s hold per side (seed %d)', (seed) => {
		const r = run(sim.crossbodyStretchLeft, SEATED_CAMERA, seed);
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.holds.map((h) => h.side)).toEqual(['left', 'right']);
		expect(r.cueIds.has('shoulder-hiking') || r.cueIds.has('arm-low')).toBe(false);
	});

	it('cues a stretched shoulder hiking up and scores it lower, but keeps timing the hold', () => {
		// A hike well past how people hold the stretch: a physiotherapist's correct stretch tilts
		// the shoulder keypoints by 8–12° (the deltoid rides up with the arm), so only a hike
		// beyond that (≈ 14 cm, the sim's 0.45 is ≈ 8 cm) is told apart from good form. The clock
		// runs on (MoveNet Thunder reads a correct hold as 20–26°; see the definition).
		const hiked = run(sim.posture({ shoulderElevation: { left: 0.8 } }, sim.crossbodyStretchLeft));
		const level = run(sim.crossbodyStretchLeft);
		expect(hiked.cueIds).toContain('shoulder-hiking');
		expect(hiked.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(hiked.formScore).not.toBeNull();
		expect(level.formScore).not.toBeNull();
		// The left hold loses up to 30 points by the share of it the hike was seen (the sim's
		// hike reads near the 18° limit, so a part), the mean of the two holds up to 15.
		expect(hiked.formScore!).toBeLessThanOrEqual(level.formScore! - 2);
		expect(hiked.formScore!).toBeGreaterThanOrEqual(level.formScore! - 16);
	});

	it('needs the front view', () => {
		const r = run(sim.crossbodyStretchLeft, { ...SEATED_CAMERA, view: 'side' });
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('wall-stretch', () => {
	const def = ex('wall-stretch');
	const run = (pose: sim.Posture, camera: sim.CameraOptions = FULL_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: holds(sim.standingNeutral, extra.wallStretchStart, pose, 2, 31),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 2 holds of 30 s (seed %d)', (seed) => {
		const r = run(extra.wallStretch, FULL_SIDE, seed);
		expect(r.holds).toHaveLength(2);
		expect(r.cueIds).not.toContain('bent-arms');
	});

	it('cues and pauses with bent arms', () => {
		const r = run(extra.wallStretchBentArms);
		expect(r.cueIds).toContain('bent-arms');
		expect(r.holds).toHaveLength(0);
	});

	it('standing at the wall without hinging is not yet the stretch', () => {
		const r = run(extra.wallStretchStart);
		expect(r.holds).toHaveLength(0);
		expect(r.cueIds).toContain('hold-position');
	});

	it('needs the side view', () => {
		const r = run(extra.wallStretch, {});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});
