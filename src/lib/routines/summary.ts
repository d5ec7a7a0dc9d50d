/** Words for the routine summary: what each item achieved, in one short line. */
import type { ItemResult } from './player.svelte';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** e.g. "20 reps (10 + 10)", "2 holds", "Left 1 · right 1 hold", "2 of 2 rounds", "Skipped". */
export function resultText(r: ItemResult): string {
	if (r.status === 'skipped') return 'Skipped';
	const o = r.outcome;
	let text: string;
	if (o.rounds) {
		text = `${o.rounds.done} of ${plural(o.rounds.total, 'round')}`;
	} else if (o.sides) {
		const l = o.sides.left.holds;
		const rr = o.sides.right.holds;
		text = `Left ${l} · right ${plural(rr, 'hold')}`;
	} else if (o.holds > 0 || o.reps === 0) {
		text = o.reps > 0 ? plural(o.reps, 'rep') : plural(o.holds, 'hold');
	} else {
		text = plural(o.reps, 'rep');
		if (o.repsPerSet.length > 1) text += ` (${o.repsPerSet.join(' + ')})`;
	}
	return r.status === 'partial' ? `${text}, stopped early` : text;
}

/** Totals for the summary header. */
export function routineTotals(results: readonly ItemResult[]): {
	done: number;
	skipped: number;
	reps: number;
	holds: number;
	meanScore: number | null;
} {
	const scores = results
		.map((r) => r.outcome.meanScore)
		.filter((s): s is number => s !== null && Number.isFinite(s));
	return {
		done: results.filter((r) => r.status !== 'skipped').length,
		skipped: results.filter((r) => r.status === 'skipped').length,
		reps: results.reduce((a, r) => a + r.outcome.reps, 0),
		holds: results.reduce((a, r) => a + r.outcome.holds, 0),
		meanScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null
	};
}

/**
 * Seconds of moving in a run: the saved workouts' own spans, the figure History adds up for the
 * same workouts (so the summary and History never disagree). Countdowns between items, rests
 * after a pause and items with nothing saved are not moving.
 */
export function movingSeconds(results: readonly ItemResult[]): number {
	return results.reduce((a, r) => a + r.outcome.workouts.reduce((b, w) => b + w.seconds, 0), 0);
}
