/**
 * Short lines about where a set plan stands, for over the video: the rest countdown between sets
 * and the line once the dose is done. Pure.
 */
import type { PlanSnapshot, PlanSummary } from '$lib/engine/set-plan';
import { fmtSeconds } from '$lib/text/format';

/** "Rest 0:45 · set 2 of 3 next" while resting; null otherwise. */
export function restNote(s: PlanSnapshot): string | null {
	if (s.phase !== 'rest') return null;
	return `Rest ${fmtSeconds(Math.ceil(s.restRemaining))} · set ${s.set} of ${s.sets} next`;
}

/**
 * "Done: 10 of 10 reps" / "All 2 sets done · 20 reps" once every set is done; null before.
 * `total` is the reps or holds of all sets (PlanSummary totalReps / totalHolds).
 */
export function finishedNote(s: PlanSnapshot, total?: number): string | null {
	if (s.phase !== 'done') return null;
	const unit = s.kind === 'reps' ? 'reps' : 'holds';
	if (s.sets > 1) {
		return total === undefined
			? `All ${s.sets} sets done`
			: `All ${s.sets} sets done · ${total} ${unit}`;
	}
	if (s.target === null) return 'Done';
	return `Done: ${s.done} of ${s.target} ${s.target === 1 ? unit.slice(0, -1) : unit}`;
}

/** Reps (rep moves) or holds of every set, for finishedNote. */
export function totalOf(summary: PlanSummary): number {
	return summary.kind === 'reps' ? summary.totalReps : summary.totalHolds;
}
