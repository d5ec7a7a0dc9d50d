/**
 * Posture chooses the exercise: from what work mode saw over the last days, today's routine and
 * the reason in one line. Pure (posture days in, a suggestion out); the home page feeds it the
 * stored days and the posture timeline.
 *
 * Each cause is weighed in seconds, and the one work mode saw most wins:
 * - forward head → neck and thoracic moves;
 * - rounded shoulders → squeezes, rows and the doorway stretch;
 * - long unbroken sitting (the part of each sitting run past LONG_SIT_SECONDS) → the desk break;
 * - slouched time not put down to head or shoulders → a mix of both (a posture reset).
 */
import { SLOT_SECONDS, type DayTimeline } from '../posture/day-log';
import { DESK_BREAK } from '../routines/presets';
import type { PostureDayRecord } from '../storage/records';

export interface PostureDayInput {
	/** Local date, YYYY-MM-DD. */
	date: string;
	uprightSeconds: number;
	slouchedSeconds: number;
	/** Of the slouched time, the part judged on the head (forward head), when known. */
	forwardHeadSeconds?: number;
	/** Of the slouched time, the part judged on the shoulders (rounded), when known. */
	roundedShouldersSeconds?: number;
	/** Each unbroken stretch of sitting that day, seconds (from the posture timeline). */
	sittingRunsSeconds?: readonly number[];
}

export type SuggestionCause = 'forward-head' | 'rounded-shoulders' | 'long-sitting' | 'slouched';

export interface Suggestion {
	cause: SuggestionCause;
	/** A preset routine's id (routines/presets.ts) when one fits, else null. */
	routineId: string | null;
	name: string;
	/** Catalog exercise ids, in order. */
	exerciseIds: readonly string[];
	/** One line: what work mode saw, and why this. */
	reason: string;
}

/** Days looked back over, today included: "the last days", recent enough to be today's issue. */
export const LOOKBACK_DAYS = 3;
/**
 * Sitting longer than this without getting up is the long-sitting cause (s): the sources'
 * desk advice is to break sitting every 30–60 minutes; 45 minutes sits in the middle.
 */
export const LONG_SIT_SECONDS = 45 * 60;
/** A cause must add up to at least this (s) over the days to be worth a routine of its own. */
export const MIN_CAUSE_SECONDS = 10 * 60;

const ROUTINES: Record<
	Exclude<SuggestionCause, 'long-sitting'>,
	{ name: string; ids: string[] }
> = {
	'forward-head': {
		name: 'Neck and upper-back reset',
		ids: ['neck-flexion-extension', 'neck-side-tilt', 'thoracic-extension-seated']
	},
	'rounded-shoulders': {
		name: 'Shoulders back',
		ids: ['scapular-squeeze', 'seated-row', 'doorway-stretch']
	},
	slouched: {
		name: 'Posture reset',
		ids: ['neck-flexion-extension', 'scapular-squeeze', 'doorway-stretch']
	}
};

const minutes = (s: number) => {
	const m = Math.round(s / 60);
	return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
};

/**
 * Today's routine from the posture days (any order; the last LOOKBACK_DAYS up to `today` are
 * used), or null when work mode saw nothing worth changing the day for (or nothing at all).
 */
export function suggestRoutine(days: readonly PostureDayInput[], today: string): Suggestion | null {
	const recent = [...days]
		.filter((d) => d.date <= today)
		.sort((a, b) => (a.date < b.date ? 1 : -1))
		.slice(0, LOOKBACK_DAYS);
	if (recent.length === 0) return null;
	const total = (f: (d: PostureDayInput) => number) => recent.reduce((a, d) => a + f(d), 0);
	const head = total((d) => d.forwardHeadSeconds ?? 0);
	const shoulders = total((d) => d.roundedShouldersSeconds ?? 0);
	const slouched = total((d) => d.slouchedSeconds);
	const seated = total((d) => d.uprightSeconds + d.slouchedSeconds);
	const unexplained = Math.max(0, slouched - head - shoulders);
	const longRuns = recent.flatMap((d) =>
		(d.sittingRunsSeconds ?? []).filter((s) => s > LONG_SIT_SECONDS)
	);
	const pastLong = longRuns.reduce((a, s) => a + (s - LONG_SIT_SECONDS), 0);

	const causes: Array<[SuggestionCause, number]> = [
		['forward-head', head],
		['rounded-shoulders', shoulders],
		['long-sitting', pastLong],
		['slouched', unexplained]
	];
	// The most seconds wins; ties go to the order above (the more specific cause first).
	const [cause, seconds] = causes.reduce((best, c) => (c[1] > best[1] ? c : best));
	if (seconds < MIN_CAUSE_SECONDS) return null;

	const share = seated > 0 ? Math.round((slouched / seated) * 100) : 0;
	const span = `the last ${recent.length === 1 ? 'day' : `${recent.length} days`}`;
	if (cause === 'long-sitting') {
		return {
			cause,
			routineId: DESK_BREAK.id,
			name: DESK_BREAK.name,
			exerciseIds: DESK_BREAK.items.map((i) => i.exerciseId),
			reason: `You sat up to ${minutes(Math.max(...longRuns))} without a break over ${span}: a desk break loosens you up.`
		};
	}
	const r = ROUTINES[cause];
	const what =
		cause === 'forward-head'
			? `your head was forward for ${minutes(head)}`
			: cause === 'rounded-shoulders'
				? `your shoulders were rounded for ${minutes(shoulders)}`
				: `you were slouched ${share} % of your sitting time (${minutes(slouched)})`;
	const why =
		cause === 'forward-head'
			? 'neck and upper-back moves'
			: cause === 'rounded-shoulders'
				? 'squeezes, rows and a doorway stretch'
				: 'a mix of neck and shoulder-blade moves';
	return {
		cause,
		routineId: null,
		name: r.name,
		exerciseIds: r.ids,
		reason: `Over ${span} ${what}, so today: ${why}.`
	};
}

/**
 * Unbroken sitting runs (s) of one day's timeline slots (5-minute slots of seconds per status,
 * posture/day-log.ts): consecutive slots mostly seated. A slot mostly away, or a missing slot
 * (work mode off), ends a run.
 */
export function sittingRuns(
	slots: Readonly<Record<number, { upright: number; slouched: number; away: number }>>,
	slotSeconds: number
): number[] {
	const runs: number[] = [];
	let run = 0;
	let prev = -2;
	for (const i of Object.keys(slots)
		.map(Number)
		.sort((a, b) => a - b)) {
		const s = slots[i]!;
		const seated = s.upright + s.slouched;
		if (i !== prev + 1 || seated <= s.away) {
			if (run > 0) runs.push(run);
			run = 0;
		}
		if (seated > s.away) run += slotSeconds;
		prev = i;
	}
	if (run > 0) runs.push(run);
	return runs;
}

/**
 * The days `suggestRoutine` weighs, from what is stored: the history database's posture days
 * (seconds per state and per slouch cause) and the local timeline (its sitting runs), each
 * between `from` and `today` (local dates, inclusive). A day in only one of them still counts.
 */
export function suggestionDays(
	records: readonly PostureDayRecord[],
	timelines: readonly DayTimeline[],
	from: string,
	today: string
): PostureDayInput[] {
	const within = (date: string) => date >= from && date <= today;
	const days = new Map<string, PostureDayInput>();
	for (const d of records) {
		if (!within(d.date)) continue;
		days.set(d.date, {
			date: d.date,
			uprightSeconds: d.seconds.upright,
			slouchedSeconds: d.seconds.slouched,
			forwardHeadSeconds: d.slouchedBy['forward-head'],
			roundedShouldersSeconds: d.slouchedBy['rounded-shoulders']
		});
	}
	for (const t of timelines) {
		if (!within(t.date)) continue;
		const d = days.get(t.date) ?? { date: t.date, uprightSeconds: 0, slouchedSeconds: 0 };
		days.set(t.date, { ...d, sittingRunsSeconds: sittingRuns(t.slots, SLOT_SECONDS) });
	}
	return [...days.values()];
}
