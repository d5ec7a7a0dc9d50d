/**
 * What the progress page shows, as pure functions over stored records: the summary numbers,
 * each chart's labels and values, and the workout table's rows. The storage layer's queries
 * (streak, minutesPerDay, weeklyTotals, formTrend, slouchedShare) do the counting; this file
 * picks the window, fills the gaps (a week without workouts is a zero, not a missing bar) and
 * turns dates into labels. No DOM, no Svelte: tested in Node with a pinned clock and zone.
 */
import {
	addDays,
	formTrend,
	isoWeek,
	localDate,
	minutesPerDay,
	slouchedShare,
	streak,
	weeklyTotals,
	workoutSpan,
	type Clock,
	type PostureDayRecord,
	type Streak,
	type WorkoutRecord
} from '$lib/storage';
import { fmt } from '$lib/text/format';

/** The windows the page offers, in days (today included). */
export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

export interface ViewOptions extends Clock {
	days: RangeDays;
}

/** YYYY-MM-DD as a short label, e.g. "Mon 3 Mar" (weekday) or "3 Mar". */
export function dayLabel(date: string, { weekday = false } = {}): string {
	// The date is a calendar date: format it at UTC midnight in UTC, so no zone can shift it.
	return new Intl.DateTimeFormat('en-GB', {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'short',
		...(weekday ? { weekday: 'short' } : {})
	}).format(new Date(`${date}T00:00:00Z`));
}

/** The Monday that starts the ISO week of `date`. */
export function mondayOf(date: string): string {
	const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
	return addDays(date, -weekday);
}

const today = (o: Clock) => localDate(o.now ?? Date.now(), o.timeZone);

/** Workouts that started within the window (local dates, today included). */
export function inRange<T extends Pick<WorkoutRecord, 'startedAt'>>(
	workouts: readonly T[],
	o: ViewOptions
): T[] {
	const first = addDays(today(o), -(o.days - 1));
	return workouts.filter((w) => localDate(w.startedAt, o.timeZone) >= first);
}

const minutesOf = (w: WorkoutRecord) => {
	const { start, end } = workoutSpan(w);
	return (end - start) / 60_000;
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export interface Summary {
	streak: Streak;
	/** Within the window. */
	workouts: number;
	minutes: number;
	reps: number;
	holdSeconds: number;
	/** Mean of every rep score in the window, or null with none. */
	meanScore: number | null;
	/** Days in the window with at least one workout. */
	activeDays: number;
}

export function summarize(workouts: readonly WorkoutRecord[], o: ViewOptions): Summary {
	const recent = inRange(workouts, o);
	const scores = recent.flatMap((w) => w.repScores);
	return {
		streak: streak(workouts, o),
		workouts: recent.length,
		minutes: sum(recent.map(minutesOf)),
		reps: sum(recent.map((w) => w.reps)),
		holdSeconds: sum(recent.flatMap((w) => w.holds.map((h) => h.seconds))),
		meanScore: scores.length ? sum(scores) / scores.length : null,
		activeDays: new Set(recent.map((w) => localDate(w.startedAt, o.timeZone))).size
	};
}

/** One chart's data: x labels, and per series one value per label (null: nothing to plot). */
export interface Series {
	/** Stable keys of the x positions (dates or weeks), for tables and tests. */
	keys: string[];
	labels: string[];
	values: Array<number | null>;
}

/** Minutes of workout per day over the window, oldest first. */
export function minutesSeries(workouts: readonly WorkoutRecord[], o: ViewOptions): Series {
	const days = minutesPerDay(workouts, o);
	return {
		keys: days.map((d) => d.date),
		labels: days.map((d) => dayLabel(d.date, { weekday: o.days <= 7 })),
		values: days.map((d) => Math.round(d.minutes * 10) / 10)
	};
}

export interface ExerciseOption {
	id: string;
	name: string;
	workouts: number;
	/** Latest start, for ordering (most recent first). */
	last: string;
}

/** Exercises that have workouts, most recently done first. */
export function exercisesWithData(
	workouts: readonly WorkoutRecord[],
	nameOf: (id: string) => string
): ExerciseOption[] {
	const byId = new Map<string, ExerciseOption>();
	for (const w of workouts) {
		const e = byId.get(w.exerciseId);
		if (e) {
			e.workouts += 1;
			if (w.startedAt > e.last) e.last = w.startedAt;
		} else {
			byId.set(w.exerciseId, {
				id: w.exerciseId,
				name: nameOf(w.exerciseId),
				workouts: 1,
				last: w.startedAt
			});
		}
	}
	return [...byId.values()].sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
}

/** Weeks shown by the weekly chart for a window: at least 4, so a week's bar has neighbours. */
export const weeksFor = (days: RangeDays) => Math.max(4, Math.ceil(days / 7));

export interface WeeklySeries {
	keys: string[];
	/** "3 Mar": the Monday each week starts. */
	labels: string[];
	reps: number[];
	/** Minutes held (completed holds), one decimal. */
	holdMinutes: number[];
	workouts: number[];
}

/** Reps and hold time of one exercise per ISO week, the last `weeks` weeks, oldest first. */
export function weeklySeries(
	workouts: readonly WorkoutRecord[],
	exerciseId: string,
	o: Clock & { weeks: number }
): WeeklySeries {
	const totals = new Map(
		weeklyTotals(
			workouts.filter((w) => w.exerciseId === exerciseId),
			o
		).map((t) => [t.week, t])
	);
	const thisMonday = mondayOf(today(o));
	const mondays = Array.from({ length: o.weeks }, (_, i) =>
		addDays(thisMonday, -7 * (o.weeks - 1 - i))
	);
	const rows = mondays.map((m) => totals.get(isoWeek(m)));
	return {
		keys: mondays.map((m) => isoWeek(m)),
		labels: mondays.map((m) => dayLabel(m)),
		reps: rows.map((t) => t?.reps ?? 0),
		holdMinutes: rows.map((t) => Math.round(((t?.holdSeconds ?? 0) / 60) * 10) / 10),
		workouts: rows.map((t) => t?.workouts ?? 0)
	};
}

/**
 * Mean form score (0–100, whole numbers) of one exercise per day over the window; null on days
 * without scored reps, so the line skips them instead of dropping to zero.
 */
export function formSeries(
	workouts: readonly WorkoutRecord[],
	exerciseId: string,
	o: ViewOptions
): Series & { reps: number[] } {
	const points = new Map(
		(formTrend(workouts, o).get(exerciseId) ?? []).map((p) => [p.date, p] as const)
	);
	const end = today(o);
	const keys = Array.from({ length: o.days }, (_, i) => addDays(end, i - (o.days - 1)));
	return {
		keys,
		labels: keys.map((d) => dayLabel(d, { weekday: o.days <= 7 })),
		values: keys.map((d) => {
			const p = points.get(d);
			return p ? Math.round(p.score) : null;
		}),
		reps: keys.map((d) => points.get(d)?.reps ?? 0)
	};
}

/** Slouched share (percent, whole numbers) per day over the window; null with nothing seen. */
export function slouchSeries(
	days: readonly PostureDayRecord[],
	o: ViewOptions
): Series & { seatedMinutes: number[] } {
	const share = slouchedShare(days, o);
	return {
		keys: share.map((d) => d.date),
		labels: share.map((d) => dayLabel(d.date, { weekday: o.days <= 7 })),
		values: share.map((d) => (d.share === null ? null : Math.round(d.share * 100))),
		seatedMinutes: share.map((d) => Math.round(d.seatedSeconds / 60))
	};
}

export interface WorkoutRow {
	id: string;
	exerciseId: string;
	name: string;
	date: string;
	/** e.g. "Mon 3 Mar, 09:05". */
	when: string;
	minutes: number;
	reps: number;
	holds: number;
	holdSeconds: number;
	meanScore: number | null;
	cues: number;
	/** The most frequent cue, to say what to work on. */
	topCue: string | null;
	/** Still marked in progress: running in another tab, or a tab closed mid-set. */
	inProgress: boolean;
}

/** The table's rows, newest first. */
export function workoutRows(
	workouts: readonly WorkoutRecord[],
	nameOf: (id: string) => string,
	timeZone?: string
): WorkoutRow[] {
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	return [...workouts]
		.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
		.map((w) => {
			const date = localDate(w.startedAt, timeZone);
			const counts = new Map<string, number>();
			for (const c of w.cues) counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
			let topCue: string | null = null;
			let best = 0;
			for (const [text, n] of counts) {
				if (n > best) [topCue, best] = [text, n];
			}
			return {
				id: w.id,
				exerciseId: w.exerciseId,
				name: nameOf(w.exerciseId),
				date,
				when: `${dayLabel(date, { weekday: true })}, ${time.format(new Date(w.startedAt))}`,
				minutes: minutesOf(w),
				reps: w.reps,
				holds: w.holds.length,
				holdSeconds: sum(w.holds.map((h) => h.seconds)),
				meanScore: w.repScores.length ? sum(w.repScores) / w.repScores.length : null,
				cues: w.cues.length,
				topCue,
				inProgress: w.status === 'in-progress'
			};
		});
}

/**
 * A length of time for people: "45 s", "1 min 26 s" (seconds matter below 10 min), "12 min",
 * "1 h 5 min"; "–" when not a number.
 */
export function durationLabel(seconds: number | null | undefined): string {
	if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '–';
	const s = Math.max(0, seconds);
	if (Math.round(s) < 60) return `${Math.round(s)} s`;
	if (s < 600) {
		const whole = Math.round(s);
		const rest = whole % 60;
		return rest === 0 ? `${whole / 60} min` : `${Math.floor(whole / 60)} min ${rest} s`;
	}
	const minutes = Math.round(s / 60);
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1 workout", "3 workouts", "0 posture days"; the count through fmt, so never "NaN". */
export function counted(n: number, one: string, many = `${one}s`): string {
	return `${fmt(n)} ${n === 1 ? one : many}`;
}
