/**
 * Range of motion on simulated people at known angles, through the real coach (the same path as
 * the analyser and the app): each rep's or hold's degrees must sit within a named tolerance of the
 * angle the stick figure was posed at, each side apart. Realistic keypoint noise throughout.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import {
	DESK_CAMERA,
	ex,
	runMotion,
	SEATED_CAMERA,
	SEEDS,
	settle
} from '../exercises/test-helpers';
import type { RomEntry } from './tracker';

/**
 * Degrees an arm measure may miss the posed angle by. Under the simulator's realistic noise a
 * keypoint wanders ≈ 3–6 px for ≈ 0.5 s at a time; on a 45 px upper arm (a whole body 3 m away)
 * that is up to ≈ 8° held for longer than any filter that keeps a rep's top can average out (the
 * worst of 18 reps over three seeds read 9.5° high). Noise-free, the reading is within 0.2° (see below). A
 * physiotherapist's goniometer is itself good to about ±5°.
 */
const ARM_TOLERANCE_DEG = 10;
/**
 * The elbow angle needs the wrist too, on a forearm of ≈ 35 px at 3 m: a 4 px wander of one end
 * is ≈ 7°, and a rep's top may catch both ends wandering apart (the worst of 18 reps over three seeds read 12.3° high).
 * The least precise measure here; noise-free it reads within 2°.
 */
const ELBOW_TOLERANCE_DEG = 13;
/** Head and trunk angles span longer lines (ear to ear, hip to shoulder): less wander. */
const HEAD_TRUNK_TOLERANCE_DEG = 4;
/**
 * Head rotation is inferred from the nose's offset through atan (rom/measures.ts): at 50° a
 * 0.1 ear-width wander of the nose is ≈ 4°.
 */
const ROTATION_TOLERANCE_DEG = 5;
/**
 * Girdle elevation and retraction are a few centimetres of shoulder travel turned into an angle
 * on a ≈ 20 cm collarbone: 1 px of wander is ≈ 0.6° at the desk camera, and the realistic
 * preset wanders 3–6 px for ≈ 0.5 s at a time, both at rest and at the top (measured: shrugs
 * within 6.1°, squeezes within 4.5°; 7° leaves a margin of the posed angle over three seeds).
 */
const GIRDLE_TOLERANCE_DEG = 7;

const DEG = 180 / Math.PI;
const P = sim.DEFAULT_PROPORTIONS;

function of(entries: readonly RomEntry[], measure: string, side: RomEntry['side']): number[] {
	return entries.filter((e) => e.measure === measure && e.side === side).map((e) => e.degrees);
}

function expectNear(values: number[], truth: number, tol: number, n: number) {
	expect(values).toHaveLength(n);
	for (const v of values) {
		expect(v).toBeGreaterThanOrEqual(truth - tol);
		expect(v).toBeLessThanOrEqual(truth + tol);
	}
}

describe('shoulder elevation and elbow angle (wall angels, front view)', () => {
	const def = ex('wall-angels');
	const reps = (top: sim.Posture) =>
		sim.sequence(
			settle(sim.wallAngelLow),
			sim.repeat(6, {
				from: sim.wallAngelLow,
				to: top,
				upSeconds: 1.6,
				holdSeconds: 0.3,
				downSeconds: 1.6,
				restSeconds: 0.6
			}),
			settle(sim.wallAngelLow, 1)
		);

	it('reads the posed angles within 0.5° without keypoint noise', () => {
		const top = sim.posture({ armRaise: { right: 150 } }, sim.wallAngelHigh);
		const r = runMotion(def, { timeline: reps(top), noise: 'none' });
		expectNear(of(r.rangeOfMotion, 'shoulder-elevation', 'left'), 165, 0.5, 6);
		expectNear(of(r.rangeOfMotion, 'shoulder-elevation', 'right'), 150, 0.5, 6);
	});

	it.each(SEEDS)('reads each arm at the top of every rep (seed %d)', (seed) => {
		// Left arm to 165°, right to 150° (15° apart: under the uneven-arms rule's 20°).
		const top = sim.posture(
			{ armRaise: { right: 150 }, elbowFlex: { right: 30 } },
			sim.wallAngelHigh
		);
		const r = runMotion(def, { timeline: reps(top), noise: 'realistic', seed });
		expect(r.reps).toBe(6);
		expectNear(of(r.rangeOfMotion, 'shoulder-elevation', 'left'), 165, ARM_TOLERANCE_DEG, 6);
		expectNear(of(r.rangeOfMotion, 'shoulder-elevation', 'right'), 150, ARM_TOLERANCE_DEG, 6);
		// Elbow flexion 15° and 30°: inside angles 165° and 150°.
		expectNear(of(r.rangeOfMotion, 'elbow-angle', 'left'), 165, ELBOW_TOLERANCE_DEG, 6);
		expectNear(of(r.rangeOfMotion, 'elbow-angle', 'right'), 150, ELBOW_TOLERANCE_DEG, 6);
		// One entry per rep and side, stamped with the rep's time.
		const shoulder = r.rangeOfMotion.filter((e) => e.measure === 'shoulder-elevation');
		expect(new Set(shoulder.map((e) => e.t))).toEqual(
			new Set(r.repTimes.map((t) => Math.round(t * 10) / 10))
		);
	});
});

describe('shoulder girdle elevation (shrugs, desk camera)', () => {
	it.each(SEEDS)('reads a 7 cm shrug as the collarbone’s angle (seed %d)', (seed) => {
		const up = sim.posture({ shoulderElevation: 0.4 }, sim.standingNeutral);
		const r = runMotion(ex('shoulder-shrug'), {
			timeline: sim.sequence(
				settle(sim.standingNeutral),
				sim.repeat(6, {
					from: sim.standingNeutral,
					to: up,
					upSeconds: 0.8,
					holdSeconds: 0.5,
					downSeconds: 0.8,
					restSeconds: 0.6
				}),
				settle(sim.standingNeutral, 1)
			),
			camera: DESK_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBe(6);
		// The shoulder rises 0.4 neck lengths on a collarbone of half the shoulder width.
		const truth = Math.asin((0.4 * P.neck) / (P.shoulderWidth / 2)) * DEG;
		expectNear(
			of(r.rangeOfMotion, 'shoulder-girdle-elevation', 'left'),
			truth,
			GIRDLE_TOLERANCE_DEG,
			6
		);
		expectNear(
			of(r.rangeOfMotion, 'shoulder-girdle-elevation', 'right'),
			truth,
			GIRDLE_TOLERANCE_DEG,
			6
		);
	});
});

/** One hold per side, left then right, from and back to `rest`. */
const bothSides = (rest: sim.Posture, left: sim.Posture, seconds: number) =>
	sim.sequence(
		settle(rest),
		sim.transition(rest, left, 2),
		sim.hold(left, seconds),
		sim.transition(left, rest, 2),
		sim.hold(rest, 2),
		sim.transition(rest, sim.mirrorPosture(left), 2),
		sim.hold(sim.mirrorPosture(left), seconds),
		sim.transition(sim.mirrorPosture(left), rest, 2)
	);

describe.each([
	{
		id: 'neck-side-tilt',
		measure: 'neck-lateral-flexion',
		pose: { neckSideTilt: 30 },
		truth: 30,
		seconds: 21,
		tol: HEAD_TRUNK_TOLERANCE_DEG
	},
	{
		id: 'neck-rotation',
		measure: 'neck-rotation',
		pose: { neckRotation: 50 },
		truth: 50,
		seconds: 11,
		tol: ROTATION_TOLERANCE_DEG
	}
])('$measure ($id, desk camera)', ({ id, measure, pose, truth, seconds, tol }) => {
	it.each(SEEDS)('reads each side’s hold apart (seed %d)', (seed) => {
		const r = runMotion(ex(id), {
			timeline: bothSides(sim.standingNeutral, sim.posture(pose, sim.standingNeutral), seconds),
			camera: DESK_CAMERA,
			noise: 'realistic',
			seed
		});
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expectNear(of(r.rangeOfMotion, measure, 'left'), truth, tol, 1);
		expectNear(of(r.rangeOfMotion, measure, 'right'), truth, tol, 1);
	});
});

describe('trunk side bend (lat side stretch, front view)', () => {
	it.each(SEEDS)('reads a 20° bend to each side (seed %d)', (seed) => {
		const r = runMotion(ex('lat-side-stretch'), {
			timeline: bothSides(sim.standingNeutral, sim.sideStretchLeanLeft, 21),
			noise: 'realistic',
			seed
		});
		expect(r.holdsBySide).toEqual({ left: 1, right: 1 });
		expectNear(of(r.rangeOfMotion, 'side-bend', 'left'), 20, HEAD_TRUNK_TOLERANCE_DEG, 1);
		expectNear(of(r.rangeOfMotion, 'side-bend', 'right'), 20, HEAD_TRUNK_TOLERANCE_DEG, 1);
	});
});

describe('trunk extension (seated thoracic extension, side view)', () => {
	it.each(SEEDS)('reads a 12° lean back held three times (seed %d)', (seed) => {
		const arch = sim.posture({ trunkFlexion: -12 }, sim.handsBehindHeadSeated);
		const r = runMotion(ex('thoracic-extension-seated'), {
			timeline: sim.sequence(
				settle(sim.sittingNeutral),
				sim.transition(sim.sittingNeutral, sim.handsBehindHeadSeated, 1.5),
				...[0, 1, 2].flatMap(() => [
					sim.transition(sim.handsBehindHeadSeated, arch, 1.5),
					sim.hold(arch, 21),
					sim.transition(arch, sim.handsBehindHeadSeated, 1.5),
					sim.hold(sim.handsBehindHeadSeated, 4)
				])
			),
			camera: { ...SEATED_CAMERA, view: 'side' },
			noise: 'realistic',
			seed
		});
		expect(r.holds).toHaveLength(3);
		expectNear(of(r.rangeOfMotion, 'trunk-extension', null), 12, HEAD_TRUNK_TOLERANCE_DEG, 3);
	});
});

describe('scapular retraction (shoulder squeeze hold, side view)', () => {
	it.each(SEEDS)('reads the shoulders drawn back as the collarbone’s turn (seed %d)', (seed) => {
		const SIDE = { ...SEATED_CAMERA, view: 'side' as const, target: { y: 1.2 } };
		const rest = sim.posture({ armRotation: 30 }, sim.standingNeutral);
		const squeeze = sim.posture({ shoulderRetraction: 0.15 }, rest);
		const r = runMotion(ex('shoulder-squeeze-hold'), {
			timeline: sim.sequence(
				settle(rest),
				sim.repeat(5, {
					from: rest,
					to: squeeze,
					upSeconds: 1,
					holdSeconds: 5.5,
					downSeconds: 1,
					restSeconds: 1.5
				}),
				settle(rest, 1)
			),
			camera: SIDE,
			noise: 'realistic',
			seed
		});
		expect(r.reps).toBe(5);
		// The simulator moves the shoulder back 0.15 and in 0.045 shoulder widths: the collarbone
		// (half a shoulder width) turns by atan(0.15 / 0.455).
		const truth = Math.atan(0.15 / 0.455) * DEG;
		expectNear(of(r.rangeOfMotion, 'scapular-retraction', null), truth, GIRDLE_TOLERANCE_DEG, 5);
	});
});
