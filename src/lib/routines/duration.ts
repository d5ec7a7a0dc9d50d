/**
 * How long a routine item takes, estimated from its dose: reps at the move's usual tempo, holds
 * with the time to get in and out of position, rests between sets, guided-timer rounds with
 * their short rests, and the "Next:" pause before each item. Used to build presets that fit
 * their stated length and to label custom routines.
 */
import { REST_AFTER_HOLDS_SECONDS, REST_AFTER_REPS_SECONDS } from '$lib/engine/set-plan';
import type { ExerciseDefinition } from '$lib/engine/types';
import { getExercise } from '$lib/exercises';
import { REST_SECONDS as TIMER_REST_SECONDS, timerPlan } from '$lib/session/guided-timer';
import { applyDose } from './dose';
import type { Routine, RoutineItem } from './types';

/** The "Next: …" pause before each item (s): read the prompt, get into place. */
export const NEXT_SECONDS = 10;
/** Camera items: the camera starts and the Coach measures the neutral baseline (≈ 1 s still). */
export const CAMERA_SETUP_SECONDS = 5;
/** Per hold: moving into the position and relaxing out (the Coach ends a hold after 1.5 s). */
export const HOLD_TRANSITION_SECONDS = 5;

/**
 * Seconds per rep at a steady, deliberate tempo, from the way the exercise tests perform each
 * move (e.g. a neck nod: 1.5 s down, 0.5 s, 1.5 s up, 0.5 s) and each definition's minimum.
 */
export const REP_SECONDS: Readonly<Record<string, number>> = Object.freeze({
	'wall-angels': 4,
	'scapular-squeeze': 8, // 1 s in, a 5 s hold, 1 s out, 1 s rest
	'shoulder-squeeze-hold': 8,
	'shoulder-shrug': 3,
	'overhead-arm-reach': 4,
	'shoulder-rolls': 2.5,
	'neck-flexion-extension': 4,
	'seated-row': 4,
	'trunk-rotation': 3.3,
	'prone-arm-raise': 6 // 1 s up, a 2 s hold, 1 s down, 2 s resting on the floor
});

/** Tempo for a rep move missing from the table: twice its minimum plus any hold, at least 3 s. */
function repSeconds(def: ExerciseDefinition): number {
	const known = REP_SECONDS[def.id];
	if (known !== undefined) return known;
	const rep = def.rep ?? Object.values(def.repByView ?? {})[0];
	return Math.max(3, 2 * (rep?.minSeconds ?? 1) + (rep?.holdSeconds ?? 0) + 1);
}

/** Reps per set when the dose gives none (open-ended moves): a short warm-up's worth. */
const DEFAULT_REPS = 10;

/** Seconds of exercise for one (dosed) definition, without the "Next:" pause. */
export function exerciseSeconds(def: ExerciseDefinition): number {
	const sets = Math.max(1, def.dose.sets);
	if (!def.cameraChecked) {
		const rounds = timerPlan(def);
		const work = rounds.reduce((a, r) => a + r.seconds, 0);
		return work + (rounds.length - 1) * TIMER_REST_SECONDS;
	}
	if (def.kind === 'rep') {
		const reps = def.dose.reps ?? DEFAULT_REPS;
		return (
			CAMERA_SETUP_SECONDS + sets * reps * repSeconds(def) + (sets - 1) * REST_AFTER_REPS_SECONDS
		);
	}
	const seconds = def.hold?.seconds ?? def.dose.holdSeconds ?? 30;
	const sides = def.kind === 'side-hold' ? 2 : 1;
	const holds = Math.max(1, def.hold?.count ?? 1) * sides;
	return (
		CAMERA_SETUP_SECONDS +
		sets * holds * (seconds + HOLD_TRANSITION_SECONDS) +
		(sets - 1) * REST_AFTER_HOLDS_SECONDS
	);
}

/** The item's dosed definition, or undefined for an id not in the catalog. */
export function itemDefinition(item: RoutineItem): ExerciseDefinition | undefined {
	const def = getExercise(item.exerciseId);
	return def && applyDose(def, item.dose);
}

/** Seconds for one item, "Next:" pause included; 0 for an unknown id. */
export function itemSeconds(item: RoutineItem): number {
	const def = itemDefinition(item);
	return def ? NEXT_SECONDS + exerciseSeconds(def) : 0;
}

export function routineSeconds(routine: Pick<Routine, 'items'>): number {
	return routine.items.reduce((a, item) => a + itemSeconds(item), 0);
}

/** "About 3 min": whole minutes, at least 1. */
export function routineMinutesText(routine: Pick<Routine, 'items'>): string {
	const minutes = Math.max(1, Math.round(routineSeconds(routine) / 60));
	return `about ${minutes} min`;
}
