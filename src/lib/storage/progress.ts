/**
 * Numbers for the progress pages, as pure functions over stored records (read them with
 * `listWorkouts` / `listPostureDays`, then call these). Dates are the person's local calendar
 * dates (see dates.ts); pass `timeZone` to pin one, `now` to pin today.
 *
 * A workout belongs to the local date it STARTED on for streaks and weekly totals (a session
 * from 23:50 to 00:10 is one day of the streak, not two), while its minutes are split at local
 * midnight for minutes per day.
 */
import { addDays, isoWeek, lastDates, localDate, splitByLocalDay } from './dates';
import type { PostureDayRecord, WorkoutRecord } from './records';

export interface Clock {
	/** Today is the local date of this instant (default: now). */
	now?: number | Date;
	/** IANA time zone (default: the runtime's). */
	timeZone?: string;
}

type WorkoutTimes = Pick<WorkoutRecord, 'startedAt' | 'endedAt' | 'updatedAt'>;

const today = (c: Clock) => localDate(c.now ?? Date.now(), c.timeZone);

/**
 * A workout's span in ms. One a closed tab left in progress ends at its last save (`updatedAt`);
 * a clock set back mid-session gives zero length, never negative.
 */
export function workoutSpan(w: WorkoutTimes): { start: number; end: number } {
	const start = Date.parse(w.startedAt);
	const end = Date.parse(w.endedAt ?? w.updatedAt);
	return { start, end: Math.max(start, end) };
}

export interface Streak {
	/** Consecutive days with a workout, ending today (or yesterday, while today is still open). */
	current: number;
	longest: number;
	/** Whether today already has a workout. */
	today: boolean;
	/** Local date of the latest workout, or null when there is none. */
	lastDate: string | null;
}

export function streak(
	workouts: readonly Pick<WorkoutRecord, 'startedAt'>[],
	clock: Clock = {}
): Streak {
	const dates = [...new Set(workouts.map((w) => localDate(w.startedAt, clock.timeZone)))].sort();
	let longest = 0;
	let run = 0;
	let prev: string | null = null;
	for (const d of dates) {
		run = prev !== null && addDays(prev, 1) === d ? run + 1 : 1;
		longest = Math.max(longest, run);
		prev = d;
	}
	const set = new Set(dates);
	const now = today(clock);
	const hasToday = set.has(now);
	let current = 0;
	for (let d = hasToday ? now : addDays(now, -1); set.has(d); d = addDays(d, -1)) current++;
	return { current, longest, today: hasToday, lastDate: dates.at(-1) ?? null };
}

export interface DayMinutes {
	date: string;
	minutes: number;
}

/** Minutes of workout per local day over the last `days` days (today included), oldest first. */
export function minutesPerDay(
	workouts: readonly WorkoutTimes[],
	options: Clock & { days: number }
): DayMinutes[] {
	const dates = lastDates(today(options), options.days);
	const totals = new Map(dates.map((d) => [d, 0]));
	for (const w of workouts) {
		const { start, end } = workoutSpan(w);
		for (const piece of splitByLocalDay(start, end, options.timeZone)) {
			const total = totals.get(piece.date);
			if (total !== undefined) totals.set(piece.date, total + piece.ms / 60_000);
		}
	}
	return dates.map((date) => ({ date, minutes: totals.get(date) ?? 0 }));
}

export interface WeekTotals {
	/** ISO week, e.g. 2025-W07. */
	week: string;
	exerciseId: string;
	workouts: number;
	reps: number;
	/** Seconds held over all completed holds. */
	holdSeconds: number;
}

/** Reps and hold time per exercise per ISO week (of the local start date), sorted by week then id. */
export function weeklyTotals(
	workouts: readonly Pick<WorkoutRecord, 'startedAt' | 'exerciseId' | 'reps' | 'holds'>[],
	clock: Pick<Clock, 'timeZone'> = {}
): WeekTotals[] {
	const byKey = new Map<string, WeekTotals>();
	for (const w of workouts) {
		const week = isoWeek(localDate(w.startedAt, clock.timeZone));
		const key = `${week}\u0000${w.exerciseId}`;
		let t = byKey.get(key);
		if (!t) {
			t = { week, exerciseId: w.exerciseId, workouts: 0, reps: 0, holdSeconds: 0 };
			byKey.set(key, t);
		}
		t.workouts += 1;
		t.reps += w.reps;
		t.holdSeconds += w.holds.reduce((sum, h) => sum + h.seconds, 0);
	}
	return [...byKey.values()].sort((a, b) =>
		a.week === b.week ? a.exerciseId.localeCompare(b.exerciseId) : a.week < b.week ? -1 : 1
	);
}

export interface FormPoint {
	date: string;
	/** Mean rep score that day, 0–100. */
	score: number;
	/** Scored reps behind the mean. */
	reps: number;
}

/**
 * Form score per exercise per local day: the mean of every rep scored that day (so a day with
 * 20 reps weighs its reps, not its sessions). Days without scored reps are left out.
 */
export function formTrend(
	workouts: readonly Pick<WorkoutRecord, 'startedAt' | 'exerciseId' | 'repScores'>[],
	clock: Pick<Clock, 'timeZone'> = {}
): Map<string, FormPoint[]> {
	const sums = new Map<string, Map<string, { sum: number; n: number }>>();
	for (const w of workouts) {
		if (w.repScores.length === 0) continue;
		const date = localDate(w.startedAt, clock.timeZone);
		let days = sums.get(w.exerciseId);
		if (!days) sums.set(w.exerciseId, (days = new Map()));
		const s = days.get(date) ?? { sum: 0, n: 0 };
		for (const score of w.repScores) {
			s.sum += score;
			s.n += 1;
		}
		days.set(date, s);
	}
	const out = new Map<string, FormPoint[]>();
	for (const [exerciseId, days] of sums) {
		const points = [...days]
			.map(([date, { sum, n }]) => ({ date, score: sum / n, reps: n }))
			.sort((a, b) => (a.date < b.date ? -1 : 1));
		out.set(exerciseId, points);
	}
	return out;
}

export interface SlouchDay {
	date: string;
	/** Slouched share of the time seen sitting (upright + slouched), 0–1; null with none seen. */
	share: number | null;
	/** Seconds seen sitting (upright + slouched). Away and unknown time is not judged. */
	seatedSeconds: number;
	nudges: number;
}

/** Slouched share per local day over the last `days` days (today included), oldest first. */
export function slouchedShare(
	postureDays: readonly PostureDayRecord[],
	options: Clock & { days: number }
): SlouchDay[] {
	const byDate = new Map(postureDays.map((d) => [d.date, d]));
	return lastDates(today(options), options.days).map((date) => {
		const d = byDate.get(date);
		const seated = d ? d.seconds.upright + d.seconds.slouched : 0;
		return {
			date,
			share: d && seated > 0 ? d.seconds.slouched / seated : null,
			seatedSeconds: seated,
			nudges: d?.nudges ?? 0
		};
	});
}
