/**
 * Shared helpers for exercise tests and the accuracy benchmark: run a generated motion through
 * the real Coach and collect what it counted, cued and asked for.
 */
import { Coach } from '../engine/coach';
import type { CoachState, ExerciseDefinition, SetupIssueId } from '../engine/types';
import type { Keypoint, PoseFrame } from '../pose/keypoints';
import { ReportBuilder, type ExerciseReport } from '../analysis/exercise-report';
import * as sim from '../sim';
import { simulate, type GenerateOptions } from '../sim';
import { getExercise } from '.';

/** The seeds the catalog tests draw their simulated people and keypoint noise with. */
export const SEEDS = [1, 2, 3];

/** A catalog exercise by id; throws on an unknown id (a typo in a test). */
export function ex(id: string): ExerciseDefinition {
	const d = getExercise(id);
	if (!d) throw new Error(id);
	return d;
}

/** Still in `p` for a while first, with a little natural sway: the coach learns the baseline. */
export const settle = (p: sim.PostureInput, seconds = 2) =>
	sim.idle(seconds, { posture: p, sway: 0.5 });

/** `n` cycles through `keys`, each reached after `secondsPerKey`, starting and ending at `rest`. */
export function cycles(
	n: number,
	rest: sim.Posture,
	keys: readonly sim.Posture[],
	secondsPerKey: number
): sim.Motion {
	const frames: sim.Keyframe[] = [{ t: 0, posture: rest }];
	let t = 0;
	for (let i = 0; i < n; i++) {
		for (const p of [...keys, rest]) {
			t += secondsPerKey;
			frames.push({ t, posture: p });
		}
	}
	return sim.timeline(frames);
}

export interface RunResult extends ExerciseReport {
	cueIds: Set<string>;
	setupIds: Set<SetupIssueId>;
	holdsBySide: { left: number; right: number };
	/** Longest hold time reached (s). */
	maxHoldSeconds: number;
}

/**
 * Runs the generated motion through a Coach. `seen`, if given, turns each simulated frame into
 * what a model saw instead (a glitch, a hidden hand), knowing the coach's state before it.
 */
export function runMotion(
	def: ExerciseDefinition,
	o: GenerateOptions,
	seen?: (frame: PoseFrame, before: CoachState | null) => PoseFrame
): RunResult {
	const { frames } = simulate(o);
	const coach = new Coach(def);
	const report = new ReportBuilder(def);
	const setupIds = new Set<SetupIssueId>();
	let maxHold = 0;
	let before: CoachState | null = null;
	for (const f of frames) {
		const s = coach.process(seen ? seen(f, before) : f);
		before = s;
		report.addState(s);
		if (s.setup) setupIds.add(s.setup.id);
		maxHold = Math.max(maxHold, s.holdSeconds);
	}
	const r = report.build();
	return {
		...r,
		cueIds: new Set(r.cues.map((c) => c.id)),
		setupIds,
		holdsBySide: { ...coach.state.holdsBySide },
		maxHoldSeconds: maxHold
	};
}

/**
 * Camera framings. FULL_BODY: the sim's default, a standing person 3 m away filling the frame
 * (wall angels, overhead reach). DESK: the laptop on a desk about 1.2 m away, framing a standing
 * person's head to waist (shrugs, squeezes, neck moves), so the face is large enough to judge.
 */
export const DESK_CAMERA = { distanceM: 1.2, target: { y: 1.4 } } as const;
export const SEATED_CAMERA = { distanceM: 1.6, target: { y: 0.95 } } as const;

/** `frame` with its body's keypoints changed by `edit` (a copy; frames without a body pass). */
export function withKeypoints(
	frame: PoseFrame,
	edit: (keypoints: Array<Keypoint | null>) => void
): PoseFrame {
	if (!frame.body) return frame;
	const keypoints = [...frame.body.keypoints];
	edit(keypoints);
	return { ...frame, body: { ...frame.body, keypoints } };
}
