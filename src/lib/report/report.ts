/**
 * The report a person takes to a physiotherapist: one exercise over a chosen period, from the
 * stored records only. Pure functions (records in, rows out): no DOM, no Svelte, so the page,
 * its CSV and its print all show the same numbers, and tests pin them.
 */
import type { Dose, ExerciseDefinition, Side } from '../engine/types';
import { MEASURES, type MeasureId } from '../rom/measures';
import { daysBetween, lastDates, localDate, splitByLocalDay } from '../storage/dates';
import { toCsv } from '../storage/csv';
import { workoutSpan } from '../storage/progress';
import type { PostureDayRecord, WorkoutRecord } from '../storage/records';
import { median } from '../geometry/vec';

export interface ReportPeriod {
	/** First and last local date, YYYY-MM-DD, both included. */
	from: string;
	to: string;
}

/** One workout of the exercise in the period. */
export interface SessionRow {
	id: string;
	date: string;
	startedAt: string;
	reps: number;
	/** The dose's reps in all (sets × reps, × 2 per side); null for hold exercises. */
	targetReps: number | null;
	/** Seconds held over all completed holds. */
	holdSeconds: number;
	/** The dose's hold time in all (sets × seconds, × 2 per side); null for rep exercises. */
	targetHoldSeconds: number | null;
	/** The dose was met: every rep, or every second held. */
	doseMet: boolean;
	/** Mean form score 0–100 over the session's reps; null when none was scored. */
	formScore: number | null;
	/** The session's median per measure and side, degrees, keyed `measure|side`. */
	rom: Record<string, number>;
}

export interface MeasureSeries {
	key: string;
	measure: MeasureId;
	label: string;
	side: Side | null;
	/** One point per session that has the measure, oldest first: the session's median. */
	points: Array<{ date: string; degrees: number }>;
	first: number;
	last: number;
	best: number;
	/** Least-squares slope, degrees per week; null with fewer than three sessions. */
	trendPerWeek: number | null;
}

export interface Asymmetry {
	measure: MeasureId;
	label: string;
	/** Mean of the session medians, degrees. */
	left: number;
	right: number;
	/** left − right, degrees. */
	difference: number;
	/** |difference| against the larger side, percent. */
	percent: number;
}

export interface DayRow {
	date: string;
	/** Minutes of workout that day (every exercise), split at local midnight. */
	exerciseMinutes: number;
	/** Work mode's slouched share of the time seen sitting, percent; null with none seen. */
	slouchedPercent: number | null;
	seatedMinutes: number;
	/** Minutes slouched that day, and of them those put down to the head and to the shoulders. */
	slouchedMinutes: number;
	forwardHeadMinutes: number;
	roundedShouldersMinutes: number;
}

export interface ExerciseReportData {
	exerciseId: string;
	name: string;
	period: ReportPeriod;
	dose: Dose;
	sessions: SessionRow[];
	/** Totals over the sessions. */
	totals: {
		sessions: number;
		reps: number;
		targetReps: number | null;
		holdSeconds: number;
		targetHoldSeconds: number | null;
		sessionsDoseMet: number;
		/** Mean of the sessions' form scores; null when none was scored. */
		formScore: number | null;
	};
	measures: MeasureSeries[];
	asymmetry: Asymmetry[];
	/** The cues given most often, most first (at most five). */
	topCues: Array<{ text: string; count: number }>;
	days: DayRow[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const MS_PER_WEEK = 7 * 86_400_000;
/** Most frequent cues listed. */
const TOP_CUES = 5;
/** Sessions a trend needs: two points always make a line. */
const MIN_TREND_SESSIONS = 3;

/** Reps and seconds the dose asks for in one session (both sides for a per-side dose). */
export function doseTargets(dose: Dose): { reps: number | null; holdSeconds: number | null } {
	const sides = dose.perSide ? 2 : 1;
	return {
		reps: dose.reps ? dose.sets * dose.reps * sides : null,
		holdSeconds: dose.holdSeconds ? dose.sets * dose.holdSeconds * sides : null
	};
}

/** Whether a date is in the period (local dates compare as text). */
const within = (date: string, p: ReportPeriod) => date >= p.from && date <= p.to;

/** Days from `from` to `to`, both included, oldest first. */
function datesOf(p: ReportPeriod): string[] {
	return lastDates(p.to, daysBetween(p.from, p.to) + 1);
}

/** The period's sessions of one exercise, oldest first. */
export function sessionRows(
	workouts: readonly WorkoutRecord[],
	def: Pick<ExerciseDefinition, 'id' | 'dose'>,
	period: ReportPeriod,
	timeZone?: string
): SessionRow[] {
	const target = doseTargets(def.dose);
	return workouts
		.filter((w) => w.exerciseId === def.id && within(localDate(w.startedAt, timeZone), period))
		.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
		.map((w) => {
			const holdSeconds = round1(sum(w.holds.map((h) => h.seconds)));
			const groups = new Map<string, number[]>();
			for (const e of w.rangeOfMotion) {
				const key = `${e.measure}|${e.side ?? ''}`;
				groups.set(key, [...(groups.get(key) ?? []), e.degrees]);
			}
			const rom: Record<string, number> = {};
			for (const [key, values] of groups) rom[key] = round1(median(values));
			const doseMet =
				(target.reps === null || w.reps >= target.reps) &&
				(target.holdSeconds === null || holdSeconds >= target.holdSeconds);
			return {
				id: w.id,
				date: localDate(w.startedAt, timeZone),
				startedAt: w.startedAt,
				reps: w.reps,
				targetReps: target.reps,
				holdSeconds,
				targetHoldSeconds: target.holdSeconds,
				doseMet,
				formScore: w.repScores.length ? Math.round(sum(w.repScores) / w.repScores.length) : null,
				rom
			};
		});
}

/** Least-squares slope of degrees against time, per week. */
export function slopePerWeek(
	points: ReadonlyArray<{ at: number; degrees: number }>
): number | null {
	if (points.length < MIN_TREND_SESSIONS) return null;
	const mx = sum(points.map((p) => p.at)) / points.length;
	const my = sum(points.map((p) => p.degrees)) / points.length;
	let sxy = 0;
	let sxx = 0;
	for (const p of points) {
		sxy += (p.at - mx) * (p.degrees - my);
		sxx += (p.at - mx) ** 2;
	}
	return sxx > 0 ? round1((sxy / sxx) * MS_PER_WEEK) : null;
}

function measureKeyParts(key: string): { measure: MeasureId; side: Side | null } | null {
	const [measure, side] = key.split('|');
	if (!measure || !(measure in MEASURES)) return null;
	return { measure: measure as MeasureId, side: side === 'left' || side === 'right' ? side : null };
}

const SIDE_ORDER = { left: 0, right: 1, '': 2 } as const;

export function buildReport(
	workouts: readonly WorkoutRecord[],
	postureDays: readonly PostureDayRecord[],
	def: Pick<ExerciseDefinition, 'id' | 'name' | 'dose' | 'measures'>,
	period: ReportPeriod,
	timeZone?: string
): ExerciseReportData {
	const sessions = sessionRows(workouts, def, period, timeZone);
	const target = doseTargets(def.dose);
	const scored = sessions.map((s) => s.formScore).filter((v): v is number => v !== null);

	// Range of motion per measure and side: the definition's measures first, in its order.
	const order = (def.measures ?? []).map((m) => m.id as string);
	const keys = [...new Set(sessions.flatMap((s) => Object.keys(s.rom)))].sort((a, b) => {
		const [ma, sa] = a.split('|') as [string, keyof typeof SIDE_ORDER];
		const [mb, sb] = b.split('|') as [string, keyof typeof SIDE_ORDER];
		const oa = order.includes(ma) ? order.indexOf(ma) : order.length;
		const ob = order.includes(mb) ? order.indexOf(mb) : order.length;
		return oa - ob || ma.localeCompare(mb) || SIDE_ORDER[sa] - SIDE_ORDER[sb];
	});
	const measures: MeasureSeries[] = [];
	for (const key of keys) {
		const parts = measureKeyParts(key);
		if (!parts) continue;
		const having = sessions.filter((s) => s.rom[key] !== undefined);
		const points = having.map((s) => ({ date: s.date, degrees: s.rom[key]! }));
		measures.push({
			key,
			...parts,
			label: MEASURES[parts.measure].label,
			points,
			first: points[0]!.degrees,
			last: points.at(-1)!.degrees,
			best: Math.max(...points.map((p) => p.degrees)),
			trendPerWeek: slopePerWeek(
				having.map((s) => ({ at: Date.parse(s.startedAt), degrees: s.rom[key]! }))
			)
		});
	}

	const asymmetry: Asymmetry[] = [];
	for (const m of measures) {
		if (m.side !== 'left') continue;
		const right = measures.find((r) => r.measure === m.measure && r.side === 'right');
		if (!right) continue;
		const left = round1(sum(m.points.map((p) => p.degrees)) / m.points.length);
		const r = round1(sum(right.points.map((p) => p.degrees)) / right.points.length);
		const larger = Math.max(left, r);
		asymmetry.push({
			measure: m.measure,
			label: m.label,
			left,
			right: r,
			difference: round1(left - r),
			percent: larger > 0 ? Math.round((Math.abs(left - r) / larger) * 100) : 0
		});
	}

	const cueCounts = new Map<string, number>();
	const ids = new Set(sessions.map((s) => s.id));
	for (const w of workouts) {
		if (!ids.has(w.id)) continue;
		for (const c of w.cues) cueCounts.set(c.text, (cueCounts.get(c.text) ?? 0) + 1);
	}
	const topCues = [...cueCounts]
		.map(([text, count]) => ({ text, count }))
		.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
		.slice(0, TOP_CUES);

	return {
		exerciseId: def.id,
		name: def.name,
		period,
		dose: def.dose,
		sessions,
		totals: {
			sessions: sessions.length,
			reps: sum(sessions.map((s) => s.reps)),
			targetReps: target.reps === null ? null : target.reps * sessions.length,
			holdSeconds: round1(sum(sessions.map((s) => s.holdSeconds))),
			targetHoldSeconds: target.holdSeconds === null ? null : target.holdSeconds * sessions.length,
			sessionsDoseMet: sessions.filter((s) => s.doseMet).length,
			formScore: scored.length ? Math.round(sum(scored) / scored.length) : null
		},
		measures,
		asymmetry,
		topCues,
		days: dayRows(workouts, postureDays, period, timeZone)
	};
}

/** Per day of the period: minutes exercised (every exercise) and work mode's slouched share. */
export function dayRows(
	workouts: readonly WorkoutRecord[],
	postureDays: readonly PostureDayRecord[],
	period: ReportPeriod,
	timeZone?: string
): DayRow[] {
	const dates = datesOf(period);
	const minutes = new Map(dates.map((d) => [d, 0]));
	for (const w of workouts) {
		const { start, end } = workoutSpan(w);
		for (const piece of splitByLocalDay(start, end, timeZone)) {
			const m = minutes.get(piece.date);
			if (m !== undefined) minutes.set(piece.date, m + piece.ms / 60_000);
		}
	}
	const posture = new Map(postureDays.map((d) => [d.date, d]));
	return dates.map((date) => {
		const p = posture.get(date);
		const seated = p ? p.seconds.upright + p.seconds.slouched : 0;
		return {
			date,
			exerciseMinutes: round1(minutes.get(date) ?? 0),
			slouchedPercent: p && seated > 0 ? Math.round((p.seconds.slouched / seated) * 100) : null,
			seatedMinutes: Math.round(seated / 60),
			slouchedMinutes: Math.round((p?.seconds.slouched ?? 0) / 60),
			forwardHeadMinutes: Math.round((p?.slouchedBy['forward-head'] ?? 0) / 60),
			roundedShouldersMinutes: Math.round((p?.slouchedBy['rounded-shoulders'] ?? 0) / 60)
		};
	});
}

/** The sessions as CSV: one row per session, one column per measure and side (degrees). */
export function sessionsCsv(report: ExerciseReportData): string {
	const header = [
		'date',
		'started_at',
		'exercise',
		'reps',
		'target_reps',
		'hold_seconds',
		'target_hold_seconds',
		'dose_met',
		'form_score',
		...report.measures.map((m) => `${m.measure}${m.side ? `_${m.side}` : ''}_deg`)
	];
	return toCsv(
		header,
		report.sessions.map((s) => [
			s.date,
			s.startedAt,
			report.exerciseId,
			s.reps,
			s.targetReps,
			s.holdSeconds,
			s.targetHoldSeconds,
			s.doseMet,
			s.formScore,
			...report.measures.map((m) => s.rom[m.key] ?? null)
		])
	);
}

/**
 * The days as CSV: minutes exercised, work mode's slouched share per day, and the slouched
 * minutes put down to the head and to the shoulders.
 */
export function daysCsv(report: ExerciseReportData): string {
	return toCsv(
		[
			'date',
			'exercise_minutes',
			'slouched_percent',
			'seated_minutes',
			'slouched_minutes',
			'forward_head_minutes',
			'rounded_shoulders_minutes'
		],
		report.days.map((d) => [
			d.date,
			d.exerciseMinutes,
			d.slouchedPercent,
			d.seatedMinutes,
			d.slouchedMinutes,
			d.forwardHeadMinutes,
			d.roundedShouldersMinutes
		])
	);
}

/** What the period's slouched time was put down to, minutes and percent of it. */
export interface SlouchSplit {
	slouchedMinutes: number;
	forwardHead: { minutes: number; percent: number };
	roundedShoulders: { minutes: number; percent: number };
	neither: { minutes: number; percent: number };
}

/**
 * One line on what the days' slouched time was put down to, for the report and History; null
 * without slouched time. `duration` formats minutes (the page's own duration words).
 */
export function describeSlouchSplit(
	days: readonly DayRow[],
	duration: (minutes: number) => string
): string | null {
	const sp = slouchSplit(days);
	if (!sp) return null;
	// A no-break space keeps each percent sign with its number.
	const pct = (v: number) => `${v}\u00a0%`;
	const neither =
		sp.neither.minutes > 0 ? `, and ${pct(sp.neither.percent)} to neither clearly` : '';
	return (
		`Of ${duration(sp.slouchedMinutes)} slouched, work mode put ` +
		`${pct(sp.forwardHead.percent)} down to the head coming forward or down, ` +
		`${pct(sp.roundedShoulders.percent)} to the shoulders rounding${neither}.`
	);
}

/** The period's slouched minutes split by cause (null: no slouched time). */
export function slouchSplit(days: readonly DayRow[]): SlouchSplit | null {
	const total = sum(days.map((d) => d.slouchedMinutes));
	if (!(total > 0)) return null;
	const head = sum(days.map((d) => d.forwardHeadMinutes));
	const shoulders = sum(days.map((d) => d.roundedShouldersMinutes));
	const part = (minutes: number) => ({ minutes, percent: Math.round((minutes / total) * 100) });
	return {
		slouchedMinutes: total,
		forwardHead: part(head),
		roundedShoulders: part(shoulders),
		neither: part(Math.max(0, total - head - shoulders))
	};
}
