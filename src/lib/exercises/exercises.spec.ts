/**
 * Every first exercise on generated traces from the stick figure: a correct performance gives
 * the dose, the main fault raises its cue, the wrong camera view counts nothing and says so,
 * and idling or half reps never count. Noise is "realistic" (MoveNet-like jitter, drift, rare
 * missed frames and outliers) and each case runs on several seeds.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { DESK_CAMERA, ex, runMotion, SEATED_CAMERA, SEEDS, settle } from './test-helpers';

describe('wall-angels', () => {
	const def = ex('wall-angels');
	const reps = (n: number, o: Partial<sim.RepeatOptions> = {}) =>
		sim.sequence(
			settle(sim.wallAngelLow),
			sim.repeat(n, {
				from: sim.wallAngelLow,
				to: sim.wallAngelHigh,
				upSeconds: 1.6,
				downSeconds: 1.6,
				restSeconds: 0.6,
				...o
			}),
			settle(sim.wallAngelLow, 1)
		);

	it.each(SEEDS)('counts 10 reps with no cue on a clean performance (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: reps(10), noise: 'realistic', seed });
		expect(r.reps).toBe(10);
		expect(r.cueIds.size).toBe(0);
		expect(r.formScore).toBeGreaterThanOrEqual(90);
	});

	it('cues elbows up when they drop below shoulder height, and scores lower', () => {
		const r = runMotion(def, {
			timeline: sim.sequence(
				settle(sim.wallAngelElbowsLow),
				sim.repeat(4, { from: sim.wallAngelElbowsLow, to: sim.wallAngelHigh })
			),
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('elbows-low');
		expect(r.cues.find((c) => c.id === 'elbows-low')!.text).toMatch(/elbows/i);
	});

	it('cues a shrug at the top', () => {
		const r = runMotion(def, {
			timeline: sim.sequence(
				settle(sim.wallAngelLow),
				sim.repeat(4, { from: sim.wallAngelLow, to: sim.wallAngelShrug, holdSeconds: 1 })
			),
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('shrug');
		expect(r.reps).toBe(4);
		expect(r.formScore!).toBeLessThan(100);
	});

	it('counts nothing from the side and asks to face the camera', () => {
		const r = runMotion(def, { timeline: reps(5), camera: { view: 'side' }, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});

	it('half reps and a minute of idling count nothing', () => {
		expect(runMotion(def, { timeline: reps(6, { depths: 0.4 }), noise: 'realistic' }).reps).toBe(0);
		expect(runMotion(def, { timeline: settle(sim.wallAngelLow, 60), noise: 'heavy' }).reps).toBe(0);
	});

	it('too fast reps still count but get the tempo cue', () => {
		const r = runMotion(def, {
			timeline: reps(5, { upSeconds: 0.45, downSeconds: 0.45, restSeconds: 0.3 }),
			noise: 'light'
		});
		expect(r.reps).toBe(5);
		expect(r.cueIds).toContain('too-fast');
	});
});

describe('scapular-squeeze', () => {
	const def = ex('scapular-squeeze');
	/** Side-on at a desk distance with the hips in view. */
	const SIDE = { ...SEATED_CAMERA, view: 'side' as const, target: { y: 1.2 } };
	const squeezes = (n: number, hold = 5.5, to: sim.PostureInput = sim.scapularSqueeze) =>
		sim.sequence(
			settle(sim.standingNeutral),
			sim.repeat(n, {
				from: sim.standingNeutral,
				to,
				upSeconds: 1,
				holdSeconds: hold,
				downSeconds: 1,
				restSeconds: 1.5
			}),
			settle(sim.standingNeutral, 1)
		);

	it.each(SEEDS)('counts 10 held squeezes from the side (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: squeezes(10), camera: SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(10);
	});

	it.each(SEEDS)('counts 4 firm squeezes seen from behind, hips out of view (seed %d)', (seed) => {
		// A real person seated with their back to the camera narrowed the shoulder line by
		// 12–15 % against the upper arms (MoveNet; bench/real.ts); the simulator's standard
		// squeeze only by 7 %. Retraction 0.22 gives the real person's narrowing.
		const firm = sim.posture({ shoulderRetraction: 0.22 }, sim.scapularSqueeze);
		const BACK = { ...DESK_CAMERA, view: 'back' as const };
		const r = runMotion(def, {
			timeline: squeezes(4, 5.5, firm),
			camera: BACK,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBeGreaterThanOrEqual(3);
		expect(r.reps).toBeLessThanOrEqual(4);
	});

	it('counts a squeeze held 2 s of 5 with the reminder to hold longer', () => {
		const r = runMotion(def, { timeline: squeezes(4, 2), camera: SIDE, noise: 'realistic' });
		expect(r.reps).toBe(4);
		expect(r.cueIds).toContain('hold-longer');
		expect(r.formScore).toBeGreaterThanOrEqual(50);
		expect(r.formScore).toBeLessThanOrEqual(90);
	});

	it('does not count squeezes let go at once, and says why', () => {
		const r = runMotion(def, {
			timeline: squeezes(4, 0),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
		expect(r.cueIds).toContain('hold-longer');
	});

	it('cues a shrug during the squeeze', () => {
		const r = runMotion(def, {
			timeline: squeezes(3, 5.5, sim.shrugDuringSqueeze),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('shrug');
	});

	it('idling counts nothing: side-on with heavy keypoint noise, or facing the desk camera', () => {
		const idle = settle(sim.standingNeutral, 60);
		expect(runMotion(def, { timeline: idle, camera: SIDE, noise: 'heavy' }).reps).toBe(0);
		// From the front or behind the squeeze narrows the shoulders by a few percent, which
		// the heavy preset (3–8 times a real model's wander, bench:keypoint-noise) swamps.
		for (const seed of SEEDS) {
			const r = runMotion(def, { timeline: idle, camera: DESK_CAMERA, noise: 'realistic', seed });
			expect(r.reps).toBe(0);
		}
	});
});

describe('thoracic-extension-seated', () => {
	const def = ex('thoracic-extension-seated');
	const holds = (arch: sim.PostureInput, seconds = 21) =>
		sim.sequence(
			settle(sim.sittingNeutral),
			sim.transition(sim.sittingNeutral, sim.handsBehindHeadSeated, 1.5),
			...[0, 1, 2].flatMap(() => [
				sim.transition(sim.handsBehindHeadSeated, arch, 1.5),
				sim.hold(arch, seconds),
				sim.transition(arch, sim.handsBehindHeadSeated, 1.5),
				sim.hold(sim.handsBehindHeadSeated, 4)
			])
		);

	it.each(SEEDS)('times 3 holds of 20 s from the side (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: holds(sim.thoracicExtensionSeated),
			camera: { ...SEATED_CAMERA, view: 'side' },
			noise: 'realistic',
			seed
		});
		expect(r.holds).toHaveLength(3);
		for (const h of r.holds) expect(h.seconds).toBeGreaterThanOrEqual(20);
	});

	it('pauses the hold and cues when the elbows come forward', () => {
		const elbowsForward = sim.posture({ armPlane: 75 }, sim.thoracicExtensionSeated);
		const r = runMotion(def, {
			timeline: holds(elbowsForward),
			camera: { ...SEATED_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('elbows-forward');
		expect(r.holds).toHaveLength(0);
	});

	it('needs the side view', () => {
		const r = runMotion(def, {
			timeline: holds(sim.thoracicExtensionSeated),
			camera: { ...SEATED_CAMERA, view: 'front' },
			noise: 'realistic'
		});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});

	it('sitting upright with hands behind the head is not yet the hold', () => {
		const r = runMotion(def, {
			timeline: holds(sim.handsBehindHeadSeated),
			camera: { ...SEATED_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.holds).toHaveLength(0);
		expect(r.cueIds).toContain('hold-position');
	});
});

describe('shoulder-shrug', () => {
	const def = ex('shoulder-shrug');
	const shrugs = (n: number, to: sim.PostureInput = sim.shrugUp) =>
		sim.sequence(
			settle(sim.standingNeutral),
			sim.repeat(n, {
				from: sim.standingNeutral,
				to,
				upSeconds: 0.8,
				holdSeconds: 0.5,
				downSeconds: 0.8,
				restSeconds: 0.6
			}),
			settle(sim.standingNeutral, 1)
		);

	it.each(SEEDS)('counts 12 shrugs (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: shrugs(12),
			camera: DESK_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBe(12);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues head dropping instead of shrugging', () => {
		const r = runMotion(def, {
			timeline: shrugs(4, sim.neckFlexed),
			camera: DESK_CAMERA,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('head-dropping');
	});

	it('cues uneven shoulders', () => {
		const uneven = sim.posture(
			{ shoulderElevation: { left: 0.55, right: 0.2 } },
			sim.standingNeutral
		);
		const r = runMotion(def, { timeline: shrugs(4, uneven), camera: DESK_CAMERA, noise: 'light' });
		expect(r.cueIds).toContain('uneven');
	});

	it('needs the front view', () => {
		const r = runMotion(def, {
			timeline: shrugs(5),
			camera: { ...DESK_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('overhead-arm-reach', () => {
	const def = ex('overhead-arm-reach');
	const reaches = (n: number, to: sim.PostureInput = sim.overheadReach) =>
		sim.sequence(
			settle(sim.standingNeutral),
			sim.repeat(n, { from: sim.standingNeutral, to }),
			settle(sim.standingNeutral, 1)
		);

	it.each(['front', 'side'] as const)('counts 10 reaches from the %s', (view) => {
		for (const seed of SEEDS) {
			expect(
				runMotion(def, { timeline: reaches(10), camera: { view }, noise: 'realistic', seed }).reps
			).toBe(10);
		}
	});

	it('cues bent elbows at the top', () => {
		const bent = sim.posture({ elbowFlex: 70 }, sim.overheadReach);
		expect(runMotion(def, { timeline: reaches(3, bent), noise: 'realistic' }).cueIds).toContain(
			'bent-elbows'
		);
	});
});

describe('neck-side-tilt', () => {
	const def = ex('neck-side-tilt');
	const both = (left: sim.PostureInput, right: sim.PostureInput) =>
		sim.sequence(
			settle(sim.standingNeutral),
			sim.transition(sim.standingNeutral, left, 2),
			sim.hold(left, 21),
			sim.transition(left, sim.standingNeutral, 2),
			sim.hold(sim.standingNeutral, 2),
			sim.transition(sim.standingNeutral, right, 2),
			sim.hold(right, 21),
			sim.transition(right, sim.standingNeutral, 2)
		);

	it.each(SEEDS)('times one 20 s hold per side (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: both(sim.neckTiltLeft, sim.neckTiltRight),
			camera: DESK_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expect(r.holds.map((h) => h.side)).toEqual(['left', 'right']);
	});

	it('cues and pauses when the head turns while tilting', () => {
		const turned = sim.posture({ neckRotation: 35 }, sim.neckTiltLeft);
		const r = runMotion(def, {
			timeline: both(turned, sim.neckTiltRight),
			camera: DESK_CAMERA,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('head-turning');
		expect(r.holdsBySide.left).toBe(0);
		expect(r.holdsBySide.right).toBe(1);
	});

	it.each(SEEDS)(
		'times no tilt while the head is turned to a neck rotation’s end (seed %d)',
		(seed) => {
			// Turned 80°, the ears nearly overlap in the picture and the line through them tilts at
			// random: a real neck rotation read as a 25° tilt and was timed 2.5 s as one.
			const turned = (deg: number) => sim.posture({ neckRotation: deg }, sim.standingNeutral);
			const r = runMotion(def, {
				timeline: both(turned(80), turned(-80)),
				camera: DESK_CAMERA,
				noise: 'realistic',
				seed
			});
			expect(r.heldSeconds).toBeLessThan(0.5);
			expect(r.heldSeconds).toBeGreaterThanOrEqual(0);
		}
	);

	it('needs the front view', () => {
		const r = runMotion(def, {
			timeline: both(sim.neckTiltLeft, sim.neckTiltRight),
			camera: { ...DESK_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.holds).toHaveLength(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});
