/**
 * Shared helpers for exercise tests and the accuracy benchmark: run a generated motion through
 * the real Coach and collect what it counted, cued and asked for.
 */
import { Coach } from '../engine/coach';
import type { ExerciseDefinition, SetupIssueId } from '../engine/types';
import { ReportBuilder, type ExerciseReport } from '../analysis/exercise-report';
import { simulate, type GenerateOptions } from '../sim';

export interface RunResult extends ExerciseReport {
	cueIds: Set<string>;
	setupIds: Set<SetupIssueId>;
	holdsBySide: { left: number; right: number };
	/** Longest hold time reached (s). */
	maxHoldSeconds: number;
}

export function runMotion(def: ExerciseDefinition, o: GenerateOptions): RunResult {
	const { frames } = simulate(o);
	const coach = new Coach(def);
	const report = new ReportBuilder(def);
	const setupIds = new Set<SetupIssueId>();
	let maxHold = 0;
	for (const f of frames) {
		const s = coach.process(f);
		report.add(s.events, s.lastRepScore, s.heldSeconds);
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
