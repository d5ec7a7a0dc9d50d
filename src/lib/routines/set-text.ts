/**
 * Short lines about where a set plan stands, for over the video: the rest countdown between sets
 * and the line once the dose is done. Pure.
 */
import type { PlanSnapshot } from '$lib/engine/set-plan';
import { fmtSeconds } from '$lib/ui/format';

/** "Rest 0:45 · set 2 of 3 next" while resting; null otherwise. */
export function restNote(s: PlanSnapshot): string | null {
	if (s.phase !== 'rest') return null;
	return `Rest ${fmtSeconds(Math.ceil(s.restRemaining))} · set ${s.set} of ${s.sets} next`;
}

/** "Done: 10 of 10 reps" / "All 2 sets done" once every set is done; null before. */
export function finishedNote(s: PlanSnapshot): string | null {
	if (s.phase !== 'done') return null;
	if (s.sets > 1) return `All ${s.sets} sets done`;
	if (s.target === null) return 'Done';
	const unit = s.kind === 'reps' ? 'reps' : 'holds';
	return `Done: ${s.done} of ${s.target} ${unit}`;
}
