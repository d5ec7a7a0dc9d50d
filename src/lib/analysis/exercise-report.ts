/**
 * Runs the coach over recorded frames and summarises what it counted. The live app, the replay
 * in the app and the command-line analyser all go through `Coach`; this only collects events.
 */
import { Coach, type CoachOptions } from '../engine/coach';
import type { CoachEvent, CoachState, ExerciseDefinition, Side } from '../engine/types';
import { RomTracker, type RomEntry } from '../rom/tracker';
import type { PoseFrame } from '../pose/keypoints';

export interface ExerciseReport {
	exercise: string;
	reps: number;
	/** Session time (s) each rep completed. */
	repTimes: number[];
	holds: Array<{ side: Side | null; seconds: number }>;
	/** Mean of the per-rep (or per-hold) scores, 0–100; null when nothing was counted. */
	formScore: number | null;
	cues: Array<{ t: number; id: string; text: string }>;
	/** Seconds held in position with good form over the whole input (holds; 0 for reps). */
	heldSeconds: number;
	/** Why nothing counted while the person moved: each time a reason was given. */
	notCounted: Array<{ t: number; reason: string; text: string }>;
	/** Range of motion, one entry per rep or hold and side (rom/tracker.ts), degrees. */
	rangeOfMotion: RomEntry[];
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Collects events into the report; feed it every CoachState's events in order. */
export class ReportBuilder {
	readonly #def: ExerciseDefinition;
	#reps: number[] = [];
	#scores: number[] = [];
	#holds: Array<{ side: Side | null; seconds: number }> = [];
	#cues: ExerciseReport['cues'] = [];
	#notCounted: ExerciseReport['notCounted'] = [];
	#heldSeconds = 0;
	readonly #rom: RomTracker;

	constructor(def: ExerciseDefinition) {
		this.#def = def;
		this.#rom = new RomTracker(def);
	}

	/** Feed every CoachState in order: its events, and its metrics for the range of motion. */
	addState(state: CoachState): void {
		this.add(state.events, state.lastRepScore, state.heldSeconds);
		this.#rom.add(state);
	}

	add(events: readonly CoachEvent[], holdScore: number | null, heldSeconds = 0): void {
		this.#heldSeconds = heldSeconds;
		for (const e of events) {
			if (e.type === 'rep') {
				this.#reps.push(round(e.t));
				this.#scores.push(e.score);
			} else if (e.type === 'hold-complete') {
				this.#holds.push({ side: e.side, seconds: round(e.seconds, 1) });
				if (holdScore !== null) this.#scores.push(holdScore);
			} else if (e.type === 'cue') {
				this.#cues.push({ t: round(e.t), id: e.cue.id, text: e.cue.text });
			} else if (e.type === 'not-counted') {
				this.#notCounted.push({ t: round(e.t), reason: e.reason, text: e.text });
			}
		}
	}

	build(): ExerciseReport {
		const n = this.#scores.length;
		return {
			exercise: this.#def.id,
			reps: this.#reps.length,
			repTimes: [...this.#reps],
			holds: [...this.#holds],
			formScore: n ? Math.round(this.#scores.reduce((a, b) => a + b, 0) / n) : null,
			cues: [...this.#cues],
			heldSeconds: round(this.#heldSeconds, 1),
			notCounted: [...this.#notCounted],
			rangeOfMotion: [...this.#rom.entries]
		};
	}
}

export function analyzeExercise(
	def: ExerciseDefinition,
	frames: Iterable<PoseFrame>,
	options: Partial<CoachOptions> = {}
): ExerciseReport {
	const coach = new Coach(def, options);
	const report = new ReportBuilder(def);
	for (const frame of frames) {
		report.addState(coach.process(frame));
	}
	return report.build();
}
