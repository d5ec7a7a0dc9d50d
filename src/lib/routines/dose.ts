/**
 * A routine item's dose applied to its catalog definition: a copy of the definition whose dose
 * (and hold length and count) say what this item asks for. The Coach, the set plan and the
 * guided timer all read the definition, so one copy keeps them in agreement.
 */
import type { ExerciseDefinition } from '$lib/engine/types';
import type { ItemDose } from './types';

const positive = (v: number | undefined): v is number =>
	v !== undefined && Number.isFinite(v) && v > 0;

export function applyDose(def: ExerciseDefinition, dose: ItemDose | undefined): ExerciseDefinition {
	if (!dose) return def;
	const sets = positive(dose.sets) ? Math.round(dose.sets) : def.dose.sets;
	const reps = positive(dose.reps) ? Math.round(dose.reps) : def.dose.reps;
	// A rep move's hold (a 5 s squeeze) is part of its rep rule, not of the dose: it stays.
	const timed = def.kind !== 'rep' && positive(dose.holdSeconds);
	const holdSeconds = timed ? dose.holdSeconds : def.dose.holdSeconds;
	const hold = def.hold
		? {
				...def.hold,
				seconds: timed && dose.holdSeconds ? dose.holdSeconds : def.hold.seconds,
				count: positive(dose.holds) ? Math.round(dose.holds) : def.hold.count
			}
		: undefined;
	return {
		...def,
		dose: { ...def.dose, sets, reps, holdSeconds },
		...(hold ? { hold } : {})
	};
}

/**
 * The test-only short dose (`?dose=short`): one set, one rep or one 3 s hold per side, so an
 * end-to-end test can walk a routine to its summary in seconds. Never used otherwise.
 */
export const SHORT_DOSE: Readonly<ItemDose> = Object.freeze({
	sets: 1,
	reps: 1,
	holds: 1,
	holdSeconds: 3
});

/**
 * The test-only short dose of a single workout (`/workout/<id>?dose=short`): two sets of three
 * reps (or one 3 s hold, twice), so an end-to-end test sees a set end, the rest, and the last set
 * end (camera off, saved as finished) within a minute. Never used otherwise.
 */
export const SHORT_WORKOUT_DOSE: Readonly<ItemDose> = Object.freeze({
	sets: 2,
	reps: 3,
	holds: 1,
	holdSeconds: 3
});

/** Rest between the short workout's sets (s): long enough to check that nothing counts in it. */
export const SHORT_WORKOUT_REST_SECONDS = 12;
