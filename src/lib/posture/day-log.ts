/**
 * The day in numbers: seconds in each posture status per 5-minute slot of the local day (the
 * timeline), and the totals not yet written to the history database (`addPostureTime`, which
 * keeps four states: "not in position" goes in as unknown, see src/lib/analysis/posture.ts).
 * Pure; the page keeps the slots in local storage (only counts of seconds, never a frame).
 */
import { localDate } from '../storage/dates';
import type { SlouchCause } from './slouch-cause';
import { POSTURE_STATUSES, type PostureStatus } from './types';

/** Slot length, s: fine enough for a timeline of a working day, 288 slots a day. */
export const SLOT_SECONDS = 300;
export const SLOTS_PER_DAY = (24 * 3600) / SLOT_SECONDS;
/** Days kept in the timeline (today and the six before). */
export const KEEP_DAYS = 7;

/** Seconds per status, in POSTURE_STATUSES order. */
export type StatusSeconds = Record<PostureStatus, number>;

export interface DayTimeline {
	/** Local date, YYYY-MM-DD. */
	date: string;
	/** Slot index (0 = 00:00–00:05) → seconds per status. */
	slots: Record<number, StatusSeconds>;
	nudges: number;
}

/** Seconds for the history database (four states) and nudges, per date. */
export interface PendingTotals {
	date: string;
	seconds: { upright: number; slouched: number; away: number; unknown: number };
	/** Of `seconds.slouched`, those put down to each cause (the rest: to neither). */
	slouchedBy: Record<SlouchCause, number>;
	nudges: number;
}

export const emptySeconds = (): StatusSeconds => ({
	upright: 0,
	slouched: 0,
	away: 0,
	unknown: 0,
	'not-in-position': 0
});

/** Start (local time) of the slot holding `ms`, and of the next one. */
function slotBounds(ms: number): { index: number; next: number } {
	const d = new Date(ms);
	const minutes = d.getHours() * 60 + d.getMinutes();
	const index = Math.floor((minutes * 60) / SLOT_SECONDS);
	const start = new Date(d);
	start.setHours(0, 0, 0, 0);
	start.setSeconds((index + 1) * SLOT_SECONDS);
	return { index, next: start.getTime() };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const okSeconds = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DayLog {
	#days = new Map<string, DayTimeline>();
	#pending = new Map<string, PendingTotals>();

	/** Starts from a stored timeline (anything unreadable in it is dropped). */
	constructor(stored?: unknown) {
		if (!Array.isArray(stored)) return;
		for (const d of stored) {
			if (!isObj(d) || typeof d.date !== 'string' || !DATE.test(d.date) || !isObj(d.slots)) {
				continue;
			}
			const slots: Record<number, StatusSeconds> = {};
			for (const [k, v] of Object.entries(d.slots)) {
				const i = Number(k);
				if (!Number.isInteger(i) || i < 0 || i >= SLOTS_PER_DAY || !isObj(v)) continue;
				const s = emptySeconds();
				let ok = true;
				for (const st of POSTURE_STATUSES) {
					const x = v[st] ?? 0;
					if (!okSeconds(x)) ok = false;
					else s[st] = Math.min(SLOT_SECONDS, x);
				}
				if (ok) slots[i] = s;
			}
			const nudges =
				Number.isInteger(d.nudges) && (d.nudges as number) >= 0 ? (d.nudges as number) : 0;
			this.#days.set(d.date, { date: d.date, slots, nudges });
		}
	}

	/**
	 * Time spent in `status` from `fromMs` to `toMs` (wall clock, ms); a slouch's `cause`, when
	 * the engine named one, goes to the history totals (the timeline keeps statuses only).
	 */
	add(status: PostureStatus, fromMs: number, toMs: number, cause: SlouchCause | null = null): void {
		if (!(Number.isFinite(fromMs) && Number.isFinite(toMs)) || toMs <= fromMs) return;
		let t = fromMs;
		while (t < toMs) {
			const { index, next } = slotBounds(t);
			const end = Math.min(toMs, next > t ? next : toMs);
			const seconds = (end - t) / 1000;
			const date = localDate(t);
			const day = this.#day(date);
			const slot = (day.slots[index] ??= emptySeconds());
			slot[status] = Math.min(SLOT_SECONDS, slot[status] + seconds);
			const p = this.#pendingFor(date);
			const state = status === 'not-in-position' ? 'unknown' : status;
			p.seconds[state] += seconds;
			if (status === 'slouched' && cause) p.slouchedBy[cause] += seconds;
			t = end;
		}
	}

	/** A posture nudge given at `atMs`. */
	nudge(atMs: number): void {
		const date = localDate(atMs);
		this.#day(date).nudges++;
		this.#pendingFor(date).nudges++;
	}

	/** Totals added since the last call, for the history database; clears them. */
	takePending(): PendingTotals[] {
		const out = [...this.#pending.values()].filter(
			(p) => p.nudges > 0 || Object.values(p.seconds).some((s) => s > 0)
		);
		this.#pending.clear();
		return out;
	}

	/** Puts totals back (their write failed) so the next flush tries again. */
	restorePending(items: readonly PendingTotals[]): void {
		for (const it of items) {
			const p = this.#pendingFor(it.date);
			for (const k of Object.keys(p.seconds) as Array<keyof PendingTotals['seconds']>) {
				p.seconds[k] += it.seconds[k];
			}
			for (const c of Object.keys(p.slouchedBy) as SlouchCause[]) {
				p.slouchedBy[c] += it.slouchedBy[c];
			}
			p.nudges += it.nudges;
		}
	}

	/** One day's timeline (empty when nothing was logged). */
	day(date: string): DayTimeline {
		const d = this.#days.get(date);
		return d ? { date, slots: { ...d.slots }, nudges: d.nudges } : { date, slots: {}, nudges: 0 };
	}

	/** The newest `KEEP_DAYS` days, for storage. */
	toJSON(): DayTimeline[] {
		return [...this.#days.values()]
			.sort((a, b) => (a.date < b.date ? 1 : -1))
			.slice(0, KEEP_DAYS)
			.reverse();
	}

	#day(date: string): DayTimeline {
		let d = this.#days.get(date);
		if (!d) {
			d = { date, slots: {}, nudges: 0 };
			this.#days.set(date, d);
			// Drop the oldest beyond what is kept.
			const dates = [...this.#days.keys()].sort();
			for (const old of dates.slice(0, Math.max(0, dates.length - KEEP_DAYS))) {
				this.#days.delete(old);
			}
		}
		return d;
	}

	#pendingFor(date: string): PendingTotals {
		let p = this.#pending.get(date);
		if (!p) {
			p = {
				date,
				seconds: { upright: 0, slouched: 0, away: 0, unknown: 0 },
				slouchedBy: { 'forward-head': 0, 'rounded-shoulders': 0 },
				nudges: 0
			};
			this.#pending.set(date, p);
		}
		return p;
	}
}

/** The status a slot mostly held (null: not monitored then). */
export function dominantStatus(s: StatusSeconds | undefined): PostureStatus | null {
	if (!s) return null;
	let best: PostureStatus | null = null;
	let most = 0;
	for (const st of POSTURE_STATUSES) {
		if (s[st] > most) {
			best = st;
			most = s[st];
		}
	}
	return best;
}

export interface TimelineRun {
	status: PostureStatus;
	/** Minutes since local midnight. */
	startMinute: number;
	endMinute: number;
}

/** Consecutive slots with the same main status, merged: the strip of the day. */
export function timelineRuns(day: DayTimeline): TimelineRun[] {
	const runs: TimelineRun[] = [];
	const slotMinutes = SLOT_SECONDS / 60;
	const indices = Object.keys(day.slots)
		.map(Number)
		.sort((a, b) => a - b);
	for (const i of indices) {
		const status = dominantStatus(day.slots[i]);
		if (!status) continue;
		const last = runs.at(-1);
		const start = i * slotMinutes;
		if (last && last.status === status && last.endMinute === start) last.endMinute += slotMinutes;
		else runs.push({ status, startMinute: start, endMinute: start + slotMinutes });
	}
	return runs;
}

/** Seconds per status in each hour of the day (24 entries). */
export function hourlySeconds(day: DayTimeline): StatusSeconds[] {
	const perHour = SLOTS_PER_DAY / 24;
	const out = Array.from({ length: 24 }, emptySeconds);
	for (const [k, s] of Object.entries(day.slots)) {
		const h = out[Math.floor(Number(k) / perHour)];
		if (!h) continue;
		for (const st of POSTURE_STATUSES) h[st] += s[st];
	}
	return out;
}

/** Seconds per status over the whole day. */
export function dayTotals(day: DayTimeline): StatusSeconds {
	const t = emptySeconds();
	for (const s of Object.values(day.slots)) for (const st of POSTURE_STATUSES) t[st] += s[st];
	return t;
}
