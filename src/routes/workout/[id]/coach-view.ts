/**
 * What the coach shows, in one place for the coach panel and the heads-up display over the
 * video: which cue is on screen, which count and which hold timer. Pure (no Svelte, no DOM).
 */
import type { CoachState, ExerciseDefinition } from '$lib/engine/types';
import { targetCount } from '$lib/text/exercise-text';

/**
 * A cue stays on screen this long after it was given (s of session time); then the coach goes
 * quiet. Six seconds is about two slow reps: long enough to read from across the room, short
 * enough that an old cue is not mistaken for one about the rep in progress.
 */
export const CUE_VISIBLE_SECONDS = 6;

/** The cue to show now, or null (none given lately, or frames are not flowing). */
export function visibleCue(state: CoachState | null, running: boolean): string | null {
	if (!running || !state?.cue) return null;
	return state.t - state.cue.t <= CUE_VISIBLE_SECONDS ? state.cue.text : null;
}

/** Whether the move has a hold to time (a hold move, or a rep move that pauses at the top). */
export function hasHold(def: ExerciseDefinition): boolean {
	return def.kind !== 'rep' || (def.rep?.holdSeconds ?? 0) > 0;
}

/** Seconds the current hold must last (the coach's, else the definition's), 0 when none. */
export function holdTarget(def: ExerciseDefinition, state: CoachState | null): number {
	return state?.holdTarget || def.hold?.seconds || def.rep?.holdSeconds || 0;
}

export interface CountView {
	/** "Reps" or "Holds". */
	label: string;
	done: number;
	/** The set's target, null when open-ended. */
	target: number | null;
	/** " per side" for per-side holds, else "". */
	per: string;
}

/** The count in this set: reps for rep moves, finished holds for hold moves. */
export function countView(def: ExerciseDefinition, state: CoachState | null): CountView {
	const target = targetCount(def);
	if (def.kind === 'rep') return { label: 'Reps', done: state?.reps ?? 0, target, per: '' };
	return {
		label: 'Holds',
		done: state?.holdsCompleted ?? 0,
		target,
		per: def.kind === 'side-hold' ? ' per side' : ''
	};
}

/** "Top reached" at the top of a rep; between reps, how far the last one went, once known. */
export function rangeText(state: CoachState | null): string {
	if (state?.phase === 'active' && (state.repProgress ?? 0) >= 1) return 'Top reached: now return';
	const r = state?.phase === 'rest' ? state.lastRepRange : null;
	if (r != null && Number.isFinite(r)) {
		return `Last rep: ${Math.round(r * 100)} % of your usual range`;
	}
	return '';
}
