/**
 * Local calendar dates for the progress pages. A workout at 23:30 in Los Angeles is 07:30 UTC the
 * next day: streaks and "minutes per day" must follow the person's wall clock, not UTC. Every
 * function takes an IANA `timeZone` (default: the runtime's own) so tests pin one and the app
 * passes none. Calendar arithmetic works on YYYY-MM-DD strings through UTC dates, where every day
 * has 24 h; only converting between instants and local dates needs the time zone.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
	const key = timeZone ?? '';
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(key, f);
	}
	return f;
}

/** Wall-clock fields at instant `ms` in `timeZone`. */
function wallClock(ms: number, timeZone: string | undefined) {
	const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const p of formatter(timeZone).formatToParts(ms)) {
		if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
	}
	return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toMs(instant: string | number | Date): number {
	const ms =
		instant instanceof Date
			? instant.getTime()
			: typeof instant === 'string'
				? Date.parse(instant)
				: instant;
	if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
	return ms;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: string | number | Date, timeZone?: string): string {
	const w = wallClock(toMs(instant), timeZone);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

function dateToUtcMs(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN);
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
	return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
	return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / DAY_MS);
}

/** The last `days` dates ending with `today`, oldest first. */
export function lastDates(today: string, days: number): string[] {
	return Array.from({ length: Math.max(0, Math.floor(days)) }, (_, i) =>
		addDays(today, i - (days - 1))
	);
}

/**
 * ISO 8601 week of a date, as `2025-W01`. Weeks start on Monday and belong to the year of their
 * Thursday, so 2024-12-30 is in 2025-W01 and 2021-01-03 in 2020-W53.
 */
export function isoWeek(date: string): string {
	const ms = dateToUtcMs(date);
	const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	const thursday = new Date(ms + (3 - weekday) * DAY_MS);
	const year = thursday.getUTCFullYear();
	const ordinal = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS); // 0-based
	return `${year}-W${pad(Math.floor(ordinal / 7) + 1)}`;
}

/** Local time minus UTC at instant `ms`, in ms (e.g. +2 h in Berlin in summer). */
function offsetAt(ms: number, timeZone: string | undefined): number {
	const w = wallClock(ms, timeZone);
	const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The first instant of local date `date`. Usually local midnight; where a DST change skips
 * midnight (Chile, 2024-09-08: 23:59:59 → 01:00) it is the instant the clocks jumped.
 */
export function startOfLocalDay(date: string, timeZone?: string): number {
	const utc = dateToUtcMs(date);
	// Two passes: the offset at the guess may differ from the one at UTC midnight.
	let t = utc - offsetAt(utc, timeZone);
	t = utc - offsetAt(t, timeZone);
	if (localDate(t, timeZone) >= date && localDate(t - 1000, timeZone) < date) return t;
	// Midnight was skipped (or repeated): bisect for the first second on `date`. DST gaps are at
	// most 2 h, so the day starts within 2 h of the guess.
	let lo = t - 2 * HOUR_MS;
	let hi = t + 2 * HOUR_MS;
	if (localDate(lo, timeZone) >= date || localDate(hi, timeZone) < date) return t;
	while (hi - lo > 1000) {
		const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
		if (localDate(mid, timeZone) >= date) hi = mid;
		else lo = mid;
	}
	return hi;
}

/**
 * Splits the span [start, end) (ms) into pieces per local date, so a session from 23:50 to 00:10
 * gives 10 minutes to each day. Days of 23 or 25 hours (DST) come out right because the cut
 * points are the real first instants of each local day.
 */
export function splitByLocalDay(
	start: number,
	end: number,
	timeZone?: string
): Array<{ date: string; ms: number }> {
	const out: Array<{ date: string; ms: number }> = [];
	let cur = start;
	while (cur < end) {
		const date = localDate(cur, timeZone);
		const next = Math.max(startOfLocalDay(addDays(date, 1), timeZone), cur + 1000);
		const stop = Math.min(next, end);
		out.push({ date, ms: stop - cur });
		cur = stop;
	}
	return out;
}
