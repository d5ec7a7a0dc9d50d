/**
 * Progression: when a person meets the dose with good form on three sessions in a row, offer the
 * next step — more reps, a longer hold, or an extra set — never past the sources' ranges. Pure
 * (sessions in, an offer out); the offer is only ever applied when the person taps it.
 */
import type { Dose } from '../engine/types';
import type { SessionRow } from './report';

/** Sessions in a row that must meet the dose with good form. */
export const SESSIONS_IN_A_ROW = 3;
/**
 * Mean form score (0–100) that counts as good form: a rep loses 15–40 points for a fault that
 * lasts it through (exercise definitions), so 80 means at most a short fault now and then.
 */
export const GOOD_FORM_SCORE = 80;
/** Reps added per step: small, as the sources' ranges are (10–12, 12–15). */
export const REP_STEP = 2;
/** Seconds added to a hold per step. */
export const HOLD_STEP_SECONDS = 5;

/**
 * The sources' upper range per exercise, from the notes on each definition's dose (the dose
 * itself starts at the low end). Exercises without a range in their sources get no offer: the
 * app does not invent a ceiling.
 */
export const SOURCE_CEILINGS: Readonly<
	Record<string, { sets?: number; reps?: number; holdSeconds?: number }>
> = {
	// "Sources give 10–12 reps; we start at 2 sets of 10."
	'wall-angels': { reps: 12 },
	// "Sources: hold 5 s, 10–15 reps, 2–3 sets."
	'scapular-squeeze': { reps: 15, sets: 3 },
	// "Sources: 2–3 sets of 10–15, hold 5 s."
	'shoulder-squeeze-hold': { reps: 15, sets: 3 },
	// "Sources: 2–3 sets of 12–15."
	'seated-row': { reps: 15, sets: 3 },
	// "Sources: 2–3 sets of 10–15."
	'shoulder-shrug': { reps: 15, sets: 3 },
	// "Sources: 30–60 s."
	'childs-pose': { holdSeconds: 60 },
	// "Sources: 15–20 s each side."
	'lat-side-stretch': { holdSeconds: 20 },
	'neck-side-tilt': { holdSeconds: 20 },
	// "Sources: 15–30 s, 3 times."
	'thoracic-extension-seated': { holdSeconds: 30 },
	// "Sources: 30 s, 2–3 times." (the holds are the sets here: 2 to 3)
	'doorway-stretch': { sets: 3 }
};

export interface ProgressionOffer {
	kind: 'reps' | 'hold' | 'set';
	/** The dose now and the dose offered. */
	from: Dose;
	to: Dose;
	/** One line for the button's neighbour: "12 reps a set instead of 10". */
	text: string;
}

/** Met the dose with good form (holds carry no form score: meeting the dose is the test). */
function good(s: SessionRow): boolean {
	return (
		s.doseMet && (s.formScore === null ? s.targetReps === null : s.formScore >= GOOD_FORM_SCORE)
	);
}

/**
 * The next step for an exercise, or null. `sessions` are its sessions at the current dose, oldest
 * first (sessionRows of report.ts); `dose` is the current dose.
 */
export function offerProgression(
	exerciseId: string,
	sessions: readonly SessionRow[],
	dose: Dose
): ProgressionOffer | null {
	const last = sessions.slice(-SESSIONS_IN_A_ROW);
	if (last.length < SESSIONS_IN_A_ROW || !last.every(good)) return null;
	const cap = SOURCE_CEILINGS[exerciseId];
	if (!cap) return null;
	if (dose.reps !== undefined && cap.reps !== undefined && dose.reps < cap.reps) {
		const reps = Math.min(cap.reps, dose.reps + REP_STEP);
		return {
			kind: 'reps',
			from: dose,
			to: { ...dose, reps },
			text: `${reps} reps a set instead of ${dose.reps}`
		};
	}
	if (
		dose.reps === undefined &&
		dose.holdSeconds !== undefined &&
		cap.holdSeconds !== undefined &&
		dose.holdSeconds < cap.holdSeconds
	) {
		const holdSeconds = Math.min(cap.holdSeconds, dose.holdSeconds + HOLD_STEP_SECONDS);
		return {
			kind: 'hold',
			from: dose,
			to: { ...dose, holdSeconds },
			text: `${holdSeconds} s holds instead of ${dose.holdSeconds} s`
		};
	}
	if (cap.sets !== undefined && dose.sets < cap.sets) {
		const sets = dose.sets + 1;
		return {
			kind: 'set',
			from: dose,
			to: { ...dose, sets },
			text: `${sets} sets instead of ${dose.sets}`
		};
	}
	return null;
}

/**
 * A stepped-up dose held to the sources' ceiling (SOURCE_CEILINGS): each field with a ceiling at
 * most that; null for an exercise without one (no offer could have given it). Guards a stored
 * dose from an edited file or an older build whose steps went further.
 */
export function capToSources<D extends { sets?: number; reps?: number; holdSeconds?: number }>(
	exerciseId: string,
	dose: D
): D | null {
	const cap = SOURCE_CEILINGS[exerciseId];
	if (!cap) return null;
	const out = { ...dose };
	for (const k of ['sets', 'reps', 'holdSeconds'] as const) {
		const v = out[k];
		const c = cap[k];
		if (v !== undefined && c !== undefined && v > c) out[k] = c;
	}
	return out;
}
