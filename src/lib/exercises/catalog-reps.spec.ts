/**
 * The catalog's camera-checked rep moves beyond the first six, on generated stick-figure traces
 * with realistic noise: a correct set gives the dose's count, the main fault raises its cue,
 * and the wrong camera view counts nothing and says so. Same method as exercises.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import * as extra from '../sim/extra-postures';
import { cycles, DESK_CAMERA, ex, runMotion, SEATED_CAMERA, SEEDS, settle } from './test-helpers';

describe('shoulder-rolls', () => {
	const def = ex('shoulder-rolls');
	/** A backward circle: forward, up, back, down. */
	const rolls = (n: number, top: sim.Posture = extra.shoulderRollUp, secondsPerKey = 0.55) =>
		sim.sequence(
			settle(sim.standingNeutral),
			cycles(
				n,
				sim.standingNeutral,
				[extra.shoulderRollForward, top, extra.shoulderRollBack],
				secondsPerKey
			),
			settle(sim.standingNeutral, 1)
		);

	it.each(SEEDS)('counts 10 circles with no cue (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: rolls(10),
			camera: DESK_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBe(10);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues a dropping head', () => {
		const r = runMotion(def, {
			timeline: rolls(4, extra.shoulderRollHeadDrop),
			camera: DESK_CAMERA,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('head-dropping');
	});

	it('a minute of idling counts nothing', () => {
		const r = runMotion(def, {
			timeline: settle(sim.standingNeutral, 60),
			camera: DESK_CAMERA,
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
	});

	it('needs the front view', () => {
		const r = runMotion(def, {
			timeline: rolls(5),
			camera: { ...DESK_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('neck-flexion-extension', () => {
	const def = ex('neck-flexion-extension');
	/** Side-on at a desk distance with the hips in view. */
	const SIDE = { ...SEATED_CAMERA, view: 'side' as const, target: { y: 1.2 } };
	/** Looks up first (the start the instructions ask for), then n times down and back up. */
	const nods = (n: number, down: sim.Posture = sim.neckFlexed, rest = sim.standingNeutral) =>
		sim.sequence(
			settle(rest),
			sim.transition(rest, sim.neckExtended, 1.5),
			sim.hold(sim.neckExtended, 0.5),
			sim.repeat(n, {
				from: sim.neckExtended,
				to: down,
				upSeconds: 1.5,
				holdSeconds: 0.5,
				downSeconds: 1.5,
				restSeconds: 0.5
			}),
			sim.transition(sim.neckExtended, rest, 1.5),
			settle(rest, 1)
		);

	it.each(SEEDS)('counts 8 nods with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: nods(8), camera: SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(8);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues bending the back instead of the neck', () => {
		const r = runMotion(def, {
			timeline: nods(3, extra.neckFlexedTrunkBent),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('trunk-moving');
	});

	it('nods that stop at level (no look up) and a minute of idling count nothing', () => {
		const half = sim.sequence(
			settle(sim.standingNeutral),
			sim.repeat(5, { from: sim.standingNeutral, to: sim.neckFlexed })
		);
		expect(runMotion(def, { timeline: half, camera: SIDE, noise: 'realistic' }).reps).toBe(0);
		expect(
			runMotion(def, {
				timeline: settle(sim.standingNeutral, 60),
				camera: SIDE,
				noise: 'realistic'
			}).reps
		).toBe(0);
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: nods(4), camera: DESK_CAMERA, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('shoulder-squeeze-hold', () => {
	const def = ex('shoulder-squeeze-hold');
	const SIDE = { ...SEATED_CAMERA, view: 'side' as const, target: { y: 1.2 } };
	const palmsForward = sim.posture({ armRotation: 30 }, sim.standingNeutral);
	const squeezes = (n: number, hold = 5.5, to: sim.PostureInput = sim.scapularSqueeze) =>
		sim.sequence(
			settle(palmsForward),
			sim.repeat(n, {
				from: palmsForward,
				to,
				upSeconds: 1,
				holdSeconds: hold,
				downSeconds: 1,
				restSeconds: 1.5
			}),
			settle(palmsForward, 1)
		);

	it.each(SEEDS)('counts 10 held squeezes from the side (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: squeezes(10), camera: SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(10);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues a shrug during the squeeze', () => {
		const r = runMotion(def, {
			timeline: squeezes(3, 5.5, sim.shrugDuringSqueeze),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('shrug');
	});

	it('does not count squeezes let go at once', () => {
		const r = runMotion(def, { timeline: squeezes(4, 0), camera: SIDE, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.cueIds).toContain('hold-longer');
	});

	it('asks for the side view and counts nothing from the front', () => {
		const r = runMotion(def, { timeline: squeezes(4), camera: SEATED_CAMERA, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('seated-row', () => {
	const def = ex('seated-row');
	const SIDE = { ...SEATED_CAMERA, view: 'side' as const };
	const rows = (n: number, to: sim.PostureInput = sim.seatedRowEnd) =>
		sim.sequence(
			settle(sim.seatedRowStart),
			sim.repeat(n, {
				from: sim.seatedRowStart,
				to,
				upSeconds: 1,
				holdSeconds: 0.5,
				downSeconds: 2,
				restSeconds: 0.5
			}),
			settle(sim.seatedRowStart, 1)
		);

	it.each(SEEDS)('counts 12 rows with no cue (seed %d)', (seed) => {
		const r = runMotion(def, { timeline: rows(12), camera: SIDE, noise: 'realistic', seed });
		expect(r.reps).toBe(12);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues leaning back to pull', () => {
		const r = runMotion(def, {
			timeline: rows(4, extra.seatedRowLeanBack),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('leaning-back');
		expect(r.formScore!).toBeLessThan(90);
	});

	it('cues shrugging at the end of the pull', () => {
		const r = runMotion(def, {
			timeline: rows(4, extra.seatedRowShrug),
			camera: SIDE,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('shrug');
	});

	it('needs the side view', () => {
		const r = runMotion(def, { timeline: rows(5), camera: SEATED_CAMERA, noise: 'realistic' });
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});

describe('trunk-rotation', () => {
	const def = ex('trunk-rotation');
	const rest = sim.sittingArmsDown;
	/** Alternating 45° turns: left and back, right and back, … (n turns in all). */
	const turns = (n: number, left = extra.trunkTurnSeatedLeft, right = extra.trunkTurnSeatedRight) =>
		sim.sequence(
			settle(rest),
			...Array.from({ length: n }, (_, i) =>
				sim.repeat(1, {
					from: rest,
					to: i % 2 === 0 ? left : right,
					upSeconds: 1.2,
					holdSeconds: 0.4,
					downSeconds: 1.2,
					restSeconds: 0.5
				})
			),
			settle(rest, 1)
		);

	it.each(SEEDS)('counts 20 alternating turns with no cue (seed %d)', (seed) => {
		const r = runMotion(def, {
			timeline: turns(20),
			camera: SEATED_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBe(20);
		expect(r.cueIds.size).toBe(0);
	});

	it('cues leaning to the side while turning', () => {
		const r = runMotion(def, {
			timeline: turns(4, extra.trunkRotationLeaning, sim.mirrorPosture(extra.trunkRotationLeaning)),
			camera: SEATED_CAMERA,
			noise: 'realistic'
		});
		expect(r.cueIds).toContain('side-lean');
	});

	it('small turns (15°) and a minute of sitting still count nothing', () => {
		const small = sim.posture({ trunkRotation: 15 }, rest);
		const r = runMotion(def, {
			timeline: turns(6, small, sim.mirrorPosture(small)),
			camera: SEATED_CAMERA,
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
		expect(
			runMotion(def, { timeline: settle(rest, 60), camera: SEATED_CAMERA, noise: 'realistic' }).reps
		).toBe(0);
	});

	it('needs the front view', () => {
		const r = runMotion(def, {
			timeline: turns(6),
			camera: { ...SEATED_CAMERA, view: 'side' },
			noise: 'realistic'
		});
		expect(r.reps).toBe(0);
		expect(r.setupIds).toContain('wrong-view');
	});
});
