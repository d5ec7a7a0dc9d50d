/**
 * The floor moves checked by the camera (issue 17) on generated stick-figure traces with
 * realistic noise, filmed side-on by a laptop on the floor: a correct set gives the dose's
 * count (or hold), the main fault raises its cue, and the wrong camera view counts nothing and
 * says so. Same method as catalog-reps.spec.ts and catalog-holds.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import * as floor from '../sim/floor-postures';
import { cycles, ex, runMotion, SEEDS, settle } from './test-helpers';

/**
 * Laptop on the floor 2 m away (the near end of the 2–3 m the setup asks for), side-on, framing
 * a body lying or kneeling on a mat: the body fills most of the frame's width. The realistic
 * noise preset drifts keypoints by a few pixels whatever the body's size, and a prone lift of a
 * few centimetres is only twice that drift at 2.5 m.
 */
const FLOOR_SIDE = { view: 'side' as const, distanceM: 2, target: { y: 0.4 } };
const FLOOR_FRONT = { ...FLOOR_SIDE, view: 'front' as const };

describe('floor moves are camera-checked', () => {
	it.each([
		'back-extension-prone',
		'cat-cow',
		'childs-pose',
		'prone-arm-raise',
		'knee-to-chest',
		'chest-fly',
		'thread-the-needle'
	])('%s', (id) => {
		const def = ex(id);
		expect(def.cameraChecked).toBe(true);
		expect(def.horizontal).toBe(true);
		expect(def.view).toBe('side');
	});
});

describe('back-extension-prone', () => {
	const def = ex('back-extension-prone');
	/** Lift 1 s, hold 1 s at the top, lower 1 s, rest 1 s. */
	const lifts = (n: number, top: sim.Posture = floor.proneLift) =>
		sim.sequence(
			settle(floor.proneLying),
			cycles(n, floor.proneLying, [top, top, floor.proneLying], 1),
			settle(floor.proneLying, 1)
		);

	it.each(SEEDS)('counts 8 lifts with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: lifts(8), camera: FLOOR_SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(8);
		expect(r.cueIds).not.toContain('neck-cranked');
		expect(r.cueIds).not.toContain('too-high');
	});

	it('cues a lift led by the neck', () => {
		const r = runMotion(def, {
			timeline: lifts(6, floor.proneLiftNeckCranked),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('neck-cranked');
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: lifts(6), camera: FLOOR_FRONT, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('cat-cow', () => {
	const def = ex('cat-cow');
	/** From the cow into the cat and back, 2.5 s each way (a slow breath). */
	const flow = (n: number, catPose: sim.Posture = floor.cat) =>
		sim.sequence(settle(floor.cow), cycles(n, floor.cow, [catPose], 2.5), settle(floor.cow, 1));

	it.each(SEEDS)('counts 8 cycles with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: flow(8), camera: FLOOR_SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(8);
		expect(r.cueIds).not.toContain('hips-back');
	});

	it('cues hips sitting back toward the heels', () => {
		const r = runMotion(def, {
			timeline: flow(6, floor.catSittingBack),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('hips-back');
	});

	it('nodding from a level back is not a cycle', () => {
		const r = runMotion(def, {
			timeline: sim.sequence(settle(floor.allFours), cycles(6, floor.allFours, [floor.cat], 2.5)),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: flow(6), camera: FLOOR_FRONT, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('childs-pose', () => {
	const def = ex('childs-pose');
	const run = (pose: sim.Posture, camera: sim.CameraOptions = FLOOR_SIDE, seed = 1) =>
		runMotion(def, {
			timeline: sim.sequence(
				settle(floor.allFours),
				sim.transition(floor.allFours, pose, 2),
				sim.hold(pose, 47),
				sim.transition(pose, floor.allFours, 2),
				settle(floor.allFours, 2)
			),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times the 45 s hold with no cue (seed %d)', (seed) => {
		const r = run(floor.childsPose, FLOOR_SIDE, seed);
		expect(r.holds).toHaveLength(1);
		expect(r.holds[0]!.seconds).toBeGreaterThanOrEqual(45);
		expect(r.cueIds).not.toContain('head-up');
	});

	it('cues a head held up', () => {
		const r = run(floor.childsPoseHeadUp);
		expect(r.cueIds).toContain('head-up');
	});

	it('hands and knees is not the pose', () => {
		const r = run(floor.allFours);
		expect(r.holds).toHaveLength(0);
		expect(r.heldSeconds).toBe(0);
	});

	it('needs the side view', () => {
		const r = run(floor.childsPose, FLOOR_FRONT);
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('prone-arm-raise', () => {
	const def = ex('prone-arm-raise');
	/** Lift 1 s, hold 2.5 s at the top, lower 1 s, rest 1.5 s. */
	const lifts = (n: number, top: sim.Posture = floor.proneArmsLifted) =>
		sim.sequence(
			settle(floor.proneArmsOut),
			sim.repeat(n, {
				from: floor.proneArmsOut,
				to: top,
				upSeconds: 1,
				holdSeconds: 2.5,
				downSeconds: 1,
				restSeconds: 1.5
			}),
			settle(floor.proneArmsOut, 1)
		);

	it.each(SEEDS)('counts 8 lifts with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: lifts(8), camera: FLOOR_SIDE, noise: 'realistic', seed });
		expect(r.reps).toBeGreaterThanOrEqual(7);
		expect(r.reps).toBeLessThanOrEqual(8);
		expect(r.cueIds).not.toContain('chest-up');
	});

	it('cues a lift made by heaving the chest up, and does not count it', () => {
		const r = runMotion(def, {
			timeline: lifts(6, floor.proneArmsLiftedChestUp),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('chest-up');
		expect(r.reps).toBeLessThanOrEqual(1);
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: lifts(6), camera: FLOOR_FRONT, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});

	it.each(SEEDS)(
		'counts lifts after the person walks in and lies down, a rest learned while getting down relearned (seed %d)',
		(seed) => {
			// The walk-in ends lying with the arms out; lifts start at once. The rest position caught
			// while lying down was wrong, and the rep machine stayed "active" for the rest of the set.
			const r = runMotion(ex('prone-arm-raise'), {
				timeline: sim.sequence(
					sim.setupWalkIn(6, { posture: floor.proneArmsOut, seed }),
					sim.repeat(8, {
						from: floor.proneArmsOut,
						to: floor.proneArmsLifted,
						upSeconds: 1,
						holdSeconds: 2.5,
						downSeconds: 1,
						restSeconds: 1.5
					}),
					settle(floor.proneArmsOut, 1)
				),
				camera: FLOOR_SIDE,
				noise: 'realistic',
				seed
			});
			expect(r.reps).toBeGreaterThanOrEqual(4);
			expect(r.reps).toBeLessThanOrEqual(8);
		}
	);
});

/** Into a pose over `move` s, held `seconds`, and back out to `rest`. */
const holdIn = (rest: sim.Posture, pose: sim.Posture, seconds: number, move = 2) => [
	sim.transition(rest, pose, move),
	sim.hold(pose, seconds),
	sim.transition(pose, rest, move),
	settle(rest, 2)
];

describe('knee-to-chest', () => {
	const def = ex('knee-to-chest');
	const both = (left: sim.Posture, right: sim.Posture) =>
		sim.sequence(
			settle(floor.supineKneesBent),
			...holdIn(floor.supineKneesBent, left, 22),
			...holdIn(floor.supineKneesBent, right, 22)
		);

	it.each(SEEDS)('times 20 s on each side with no cue (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: both(floor.kneeToChestLeft, floor.kneeToChestRight),
			camera: FLOOR_SIDE,
			noise: 'realistic',
			seed
		});
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.cueIds).not.toContain('head-up');
	});

	it('cues the head curled up off the floor', () => {
		const r = runMotion(def, {
			timeline: both(floor.kneeToChestLeftHeadUp, floor.kneeToChestRight),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('head-up');
	});

	it('lying with both feet on the floor is not the hold', () => {
		const r = runMotion(def, {
			timeline: sim.idle(30, { posture: floor.supineKneesBent, sway: 1 }),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.heldSeconds).toBe(0);
	});

	it('needs the side view', () => {
		const r = runMotion(def, {
			timeline: both(floor.kneeToChestLeft, floor.kneeToChestRight),
			camera: FLOOR_FRONT,
			noise: 'realistic'
		});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('chest-fly', () => {
	const def = ex('chest-fly');
	/** Close over 1.2 s, a beat at the top, open over 1.5 s, a beat at the bottom. */
	const flies = (n: number, open = floor.ballFlyOpen, closed = floor.ballFlyClosed) =>
		sim.sequence(
			settle(open),
			sim.repeat(n, {
				from: open,
				to: closed,
				upSeconds: 1.2,
				holdSeconds: 0.3,
				downSeconds: 1.5,
				restSeconds: 0.5
			}),
			settle(open, 1)
		);

	it.each(SEEDS)('counts 8 flies with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: flies(8), camera: FLOOR_SIDE, noise: 'realistic', seed });
		expect(r.reps).toBeGreaterThanOrEqual(7);
		expect(r.reps).toBeLessThanOrEqual(8);
		expect(r.cueIds).not.toContain('hips-low');
	});

	it('cues sagging hips', () => {
		const r = runMotion(def, {
			timeline: flies(6, floor.ballFlyOpenHipsLow, floor.ballFlyClosedHipsLow),
			camera: FLOOR_SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('hips-low');
	});

	it('a standing overhead reach is not a fly', () => {
		const r = runMotion(def, {
			timeline: sim.sequence(
				settle(sim.standingNeutral),
				cycles(6, sim.standingNeutral, [sim.overheadReach], 1.5)
			),
			camera: { view: 'side', distanceM: 3 },
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: flies(6), camera: FLOOR_FRONT, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('childs-pose-side-stretch', () => {
	const def = ex('childs-pose-side-stretch');
	const run = (
		left: sim.Posture,
		right: sim.Posture,
		camera: sim.CameraOptions = FLOOR_FRONT,
		seed = 1
	) =>
		runMotion(def, {
			timeline: sim.sequence(
				settle(floor.childsPose),
				...holdIn(floor.childsPose, left, 22),
				...holdIn(floor.childsPose, right, 22)
			),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 20 s with the hands on each side (seed %d)', (seed) => {
		const r = run(floor.childsPoseReachLeft, floor.childsPoseReachRight, FLOOR_FRONT, seed);
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.cueIds).not.toContain('bent-arms');
	});

	it('arms straight ahead is not the stretch', () => {
		const r = run(floor.childsPose, floor.childsPose);
		expect(r.heldSeconds).toBe(0);
	});

	it('cues bent arms', () => {
		const bent = (p: sim.Posture) => sim.posture({ elbowFlex: { left: 70, right: 70 } }, p);
		const r = run(bent(floor.childsPoseReachLeft), bent(floor.childsPoseReachRight));
		expect(r.cueIds).toContain('bent-arms');
	});

	it('needs the front view', () => {
		const r = run(floor.childsPoseReachLeft, floor.childsPoseReachRight, FLOOR_SIDE);
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('thread-the-needle', () => {
	const def = ex('thread-the-needle');
	const run = (
		left: sim.Posture,
		right: sim.Posture,
		camera: sim.CameraOptions = FLOOR_SIDE,
		seed = 1
	) =>
		runMotion(def, {
			timeline: sim.sequence(
				settle(floor.allFours),
				...holdIn(floor.allFours, left, 32),
				...holdIn(floor.allFours, right, 32)
			),
			camera,
			noise: 'realistic',
			seed
		});

	it.each(SEEDS)('times 30 s threaded on each side with no cue (seed %d)', (seed) => {
		const r = run(floor.threadLeft, floor.threadRight, FLOOR_SIDE, seed);
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.cueIds).not.toContain('hips-back');
	});

	it('cues hips sunk back toward the heels, and the timer waits', () => {
		const r = run(floor.threadLeftSittingBack, floor.threadLeftSittingBack);
		expect(r.cueIds).toContain('hips-back');
		expect(r.holds).toHaveLength(0);
	});

	it('hands and knees without the twist is not the stretch', () => {
		const r = run(floor.allFours, floor.cat);
		expect(r.heldSeconds).toBe(0);
	});

	it('needs the side view', () => {
		const r = run(floor.threadLeft, floor.threadRight, FLOOR_FRONT);
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('knee-to-chest, both knees together', () => {
	const def = ex('knee-to-chest');

	it.each(SEEDS)('one 45 s hug of both knees times each side in turn (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: sim.sequence(
				settle(floor.supineKneesBent),
				...holdIn(floor.supineKneesBent, floor.kneesToChest, 48)
			),
			camera: FLOOR_SIDE,
			noise: 'realistic',
			seed
		});
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
	});
});
