/**
 * Demonstrations: for every camera-checked move, a short looping motion of the stick-figure
 * simulator (`$lib/sim`), the same kinematic model and postures the exercise tests use to
 * generate their traces, seen from the camera view the move needs. A test runs each demo
 * through the real Coach: what the figure shows is a performance the coach accepts.
 *
 * One table maps exercise id → demo. Motions start and end at the rest posture, so they loop
 * without a jump; holds are shortened to a few seconds (the figure shows the position, the
 * workout times the real hold), while a rep's own hold (a 5 s squeeze) is kept whole.
 */
import * as sim from '$lib/sim';
import * as extra from '$lib/sim/extra-postures';
import * as floor from '$lib/sim/floor-postures';
import type { ExerciseDefinition } from '$lib/engine/types';

export interface Demo {
	/** What the figure does, looping. */
	motion: sim.Motion;
	/** The camera the exercise needs, framed as the exercise tests frame it. */
	camera: sim.CameraOptions;
	/** The position to show still (reduced motion): the top of the rep or the hold. */
	still: sim.Posture;
	/** "From the front", "From the side", for the caption. */
	caption: string;
}

/** Seconds a demo shows a hold position. */
const SHOWN_HOLD_SECONDS = 2.5;
/** Seconds the figure rests before the loop restarts. */
const LOOP_REST_SECONDS = 0.8;

// Framings, as the exercise tests use them (src/lib/exercises/*.spec.ts).
const FULL_FRONT: sim.CameraOptions = { view: 'front' };
const FULL_SIDE: sim.CameraOptions = { view: 'side' };
const DESK_FRONT: sim.CameraOptions = { view: 'front', distanceM: 1.2, target: { y: 1.4 } };
const SEATED_FRONT: sim.CameraOptions = { view: 'front', distanceM: 1.6, target: { y: 0.95 } };
const SEATED_SIDE: sim.CameraOptions = { view: 'side', distanceM: 1.6, target: { y: 0.95 } };
const DESK_SIDE: sim.CameraOptions = { view: 'side', distanceM: 1.6, target: { y: 1.2 } };
const STANDING_SIDE: sim.CameraOptions = { view: 'side', distanceM: 2.2, target: { y: 0.9 } };
const FLOOR_SIDE: sim.CameraOptions = { view: 'side', distanceM: 2.2, target: { y: 0.45 } };
/** A laptop on the floor 2 m away, side-on, framing a body lying or on hands and knees. */
const LYING_SIDE: sim.CameraOptions = { view: 'side', distanceM: 2, target: { y: 0.4 } };
/** The same laptop facing the head of a body folded in child's pose. */
const LYING_FRONT: sim.CameraOptions = { ...LYING_SIDE, view: 'front' };

/** Rest → (ready) → pose, held, and back the same way. */
function holdDemo(rest: sim.Posture, pose: sim.Posture, ready?: sim.Posture): sim.Motion {
	const via = ready ? [ready] : [];
	const t = (from: sim.Posture, to: sim.Posture) => sim.transition(from, to, 1.3);
	const path = [rest, ...via, pose];
	const there = path.slice(1).map((p, i) => t(path[i]!, p));
	const back = [...path].reverse();
	const home = back.slice(1).map((p, i) => t(back[i]!, p));
	return sim.sequence(
		sim.hold(rest, LOOP_REST_SECONDS),
		...there,
		sim.hold(pose, SHOWN_HOLD_SECONDS),
		...home
	);
}

/** Left hold, back to rest, right hold, back to rest. */
function bothSidesDemo(rest: sim.Posture, left: sim.Posture, right: sim.Posture): sim.Motion {
	return sim.sequence(holdDemo(rest, left), holdDemo(rest, right));
}

function repsDemo(o: sim.RepeatOptions, n = 2): sim.Motion {
	return sim.sequence(
		sim.repeat(n, { upSeconds: 1.5, downSeconds: 1.5, restSeconds: 0.6, ...o }),
		sim.hold(sim.posture(o.from), LOOP_REST_SECONDS)
	);
}

/** Through `keys` and back to `rest`, `n` times, `secondsPerKey` each (shoulder circles). */
function cyclesDemo(
	rest: sim.Posture,
	keys: readonly sim.Posture[],
	secondsPerKey: number,
	n: number
): sim.Motion {
	const frames: sim.Keyframe[] = [{ t: 0, posture: rest }];
	let t = 0;
	for (let i = 0; i < n; i++) {
		for (const p of [...keys, rest]) {
			t += secondsPerKey;
			frames.push({ t, posture: p });
		}
	}
	return sim.sequence(sim.timeline(frames), sim.hold(rest, LOOP_REST_SECONDS));
}

const palmsForward = sim.posture({ armRotation: 30 }, sim.standingNeutral);

/** Exercise id → its demo, built on first use. */
const DEMOS: Readonly<Record<string, () => Omit<Demo, 'caption'>>> = {
	'wall-angels': () => ({
		motion: repsDemo({ from: sim.wallAngelLow, to: sim.wallAngelHigh, holdSeconds: 0.3 }),
		camera: FULL_FRONT,
		still: sim.wallAngelHigh
	}),
	'scapular-squeeze': () => ({
		// The real squeeze: a 5 s hold at the top (the rep counts only when held).
		motion: repsDemo(
			{
				from: sim.standingNeutral,
				to: sim.scapularSqueeze,
				upSeconds: 1,
				holdSeconds: 5.5,
				downSeconds: 1
			},
			1
		),
		camera: DESK_SIDE,
		still: sim.scapularSqueeze
	}),
	'thoracic-extension-seated': () => ({
		motion: holdDemo(sim.sittingNeutral, sim.thoracicExtensionSeated, sim.handsBehindHeadSeated),
		camera: SEATED_SIDE,
		still: sim.thoracicExtensionSeated
	}),
	'shoulder-shrug': () => ({
		motion: repsDemo({ from: sim.standingNeutral, to: sim.shrugUp, holdSeconds: 0.5 }),
		camera: DESK_FRONT,
		still: sim.shrugUp
	}),
	'overhead-arm-reach': () => ({
		motion: repsDemo({ from: sim.standingNeutral, to: sim.overheadReach, holdSeconds: 0.4 }),
		camera: FULL_FRONT,
		still: sim.overheadReach
	}),
	'neck-side-tilt': () => ({
		motion: bothSidesDemo(sim.standingNeutral, sim.neckTiltLeft, sim.neckTiltRight),
		camera: DESK_FRONT,
		still: sim.neckTiltLeft
	}),
	'thoracic-extension-floor': () => ({
		motion: holdDemo(extra.floorSitting, extra.thoracicExtensionFloor, extra.floorHandsBehindHead),
		camera: FLOOR_SIDE,
		still: extra.thoracicExtensionFloor
	}),
	'back-extension-prone': () => ({
		motion: repsDemo({
			from: floor.proneLying,
			to: floor.proneLift,
			upSeconds: 1,
			holdSeconds: 1,
			downSeconds: 1,
			restSeconds: 1
		}),
		camera: LYING_SIDE,
		still: floor.proneLift
	}),
	'cat-cow': () => ({
		motion: cyclesDemo(floor.cow, [floor.cat], 2.5, 2),
		camera: LYING_SIDE,
		still: floor.cat
	}),
	'childs-pose': () => ({
		motion: holdDemo(floor.allFours, floor.childsPose),
		camera: LYING_SIDE,
		still: floor.childsPose
	}),
	'prone-arm-raise': () => ({
		motion: repsDemo({
			from: floor.proneArmsOut,
			to: floor.proneArmsLifted,
			upSeconds: 1,
			holdSeconds: 2.2,
			downSeconds: 1,
			restSeconds: 1
		}),
		camera: LYING_SIDE,
		still: floor.proneArmsLifted
	}),
	'knee-to-chest': () => ({
		motion: bothSidesDemo(floor.supineKneesBent, floor.kneeToChestLeft, floor.kneeToChestRight),
		camera: LYING_SIDE,
		still: floor.kneeToChestLeft
	}),
	'thread-the-needle': () => ({
		motion: bothSidesDemo(floor.allFours, floor.threadLeft, floor.threadRight),
		camera: LYING_SIDE,
		still: floor.threadLeft
	}),
	'chest-fly': () => ({
		motion: repsDemo({ from: floor.ballFlyOpen, to: floor.ballFlyClosed, holdSeconds: 0.3 }),
		camera: LYING_SIDE,
		still: floor.ballFlyClosed
	}),
	'childs-pose-side-stretch': () => ({
		motion: bothSidesDemo(floor.childsPose, floor.childsPoseReachLeft, floor.childsPoseReachRight),
		camera: LYING_FRONT,
		still: floor.childsPoseReachLeft
	}),
	'upper-back-extension-standing': () => ({
		motion: holdDemo(sim.standingNeutral, sim.upperBackExtensionStanding, sim.handsOnLowerBack),
		camera: STANDING_SIDE,
		still: sim.upperBackExtensionStanding
	}),
	'doorway-stretch': () => ({
		motion: holdDemo(sim.standingNeutral, sim.doorwayStretch, extra.doorwayStart),
		camera: FULL_SIDE,
		still: sim.doorwayStretch
	}),
	'shoulder-rolls': () => ({
		motion: cyclesDemo(
			sim.standingNeutral,
			[extra.shoulderRollForward, extra.shoulderRollUp, extra.shoulderRollBack],
			0.6,
			2
		),
		camera: DESK_FRONT,
		still: extra.shoulderRollUp
	}),
	'neck-rotation': () => ({
		motion: bothSidesDemo(sim.standingNeutral, sim.neckTurnLeft, sim.neckTurnRight),
		camera: DESK_FRONT,
		still: sim.neckTurnLeft
	}),
	'neck-flexion-extension': () => ({
		motion: sim.sequence(
			sim.transition(sim.standingNeutral, sim.neckExtended, 1.2),
			sim.repeat(2, {
				from: sim.neckExtended,
				to: sim.neckFlexed,
				upSeconds: 1.5,
				holdSeconds: 0.5,
				downSeconds: 1.5,
				restSeconds: 0.5
			}),
			sim.transition(sim.neckExtended, sim.standingNeutral, 1.2),
			sim.hold(sim.standingNeutral, LOOP_REST_SECONDS)
		),
		camera: DESK_SIDE,
		still: sim.neckFlexed
	}),
	'arm-press-curl': () => ({
		motion: sim.sequence(
			sim.hold(sim.standingNeutral, LOOP_REST_SECONDS),
			sim.transition(sim.standingNeutral, sim.armPressForward, 1.3),
			sim.hold(sim.armPressForward, 1.5),
			sim.transition(sim.armPressForward, sim.armCurlRound, 1.5),
			sim.hold(sim.armCurlRound, SHOWN_HOLD_SECONDS),
			sim.transition(sim.armCurlRound, sim.armPressForward, 1.5),
			sim.transition(sim.armPressForward, sim.standingNeutral, 1.3)
		),
		camera: FULL_SIDE,
		still: sim.armCurlRound
	}),
	'lat-side-stretch': () => ({
		motion: bothSidesDemo(sim.standingNeutral, sim.sideStretchLeanLeft, sim.sideStretchLeanRight),
		camera: FULL_FRONT,
		still: sim.sideStretchLeanLeft
	}),
	'crossbody-shoulder-stretch': () => ({
		motion: bothSidesDemo(sim.standingNeutral, sim.crossbodyStretchLeft, sim.crossbodyStretchRight),
		camera: { ...SEATED_FRONT, target: { y: 1.3 } },
		still: sim.crossbodyStretchLeft
	}),
	'shoulder-squeeze-hold': () => ({
		motion: repsDemo(
			{
				from: palmsForward,
				to: sim.scapularSqueeze,
				upSeconds: 1,
				holdSeconds: 5.5,
				downSeconds: 1
			},
			1
		),
		camera: DESK_SIDE,
		still: sim.posture({ armRotation: 30 }, sim.scapularSqueeze)
	}),
	'seated-row': () => ({
		motion: repsDemo({ from: sim.seatedRowStart, to: sim.seatedRowEnd, holdSeconds: 0.5 }),
		camera: SEATED_SIDE,
		still: sim.seatedRowEnd
	}),
	'trunk-rotation': () => ({
		motion: sim.sequence(
			...[extra.trunkTurnSeatedLeft, extra.trunkTurnSeatedRight].map((to) =>
				sim.repeat(1, {
					from: sim.sittingArmsDown,
					to,
					upSeconds: 1.2,
					holdSeconds: 0.4,
					downSeconds: 1.2,
					restSeconds: 0.5
				})
			),
			sim.hold(sim.sittingArmsDown, LOOP_REST_SECONDS)
		),
		camera: SEATED_FRONT,
		still: extra.trunkTurnSeatedLeft
	}),
	'wall-stretch': () => ({
		motion: holdDemo(sim.standingNeutral, extra.wallStretch, extra.wallStretchStart),
		camera: FULL_SIDE,
		still: extra.wallStretch
	})
};

const cache = new Map<string, Demo>();

/** The demo for an exercise, or null (guided timers have none: the figure cannot lie down). */
export function demoFor(def: Pick<ExerciseDefinition, 'id'>): Demo | null {
	const hit = cache.get(def.id);
	if (hit) return hit;
	const make = DEMOS[def.id];
	if (!make) return null;
	const d = make();
	const demo: Demo = {
		...d,
		caption:
			sim.viewToYaw(d.camera.view ?? 'front') === 0 ? 'Seen from the front' : 'Seen from the side'
	};
	cache.set(def.id, demo);
	return demo;
}

/** Ids with a demo (for tests and the catalog check). */
export const DEMO_IDS: readonly string[] = Object.keys(DEMOS);
