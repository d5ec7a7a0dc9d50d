/**
 * The records Scapula stores, and their parsers. Every record that comes from IndexedDB or from
 * an import file goes through `parse*` before use: the disk may hold a record written by a buggy
 * build, edited by hand in devtools, or cut short, and one such record must not take the whole
 * history page down. A parser returns a clean copy (known fields only, instants normalised to
 * `toISOString()` form so the startedAt index sorts chronologically) or names the first bad field.
 */
import { POSTURE_STATES, type PostureState } from '../posture/types';
import { SLOUCH_CAUSES, type SlouchCause } from '../posture/slouch-cause';
import type { Side } from '../engine/types';

export type WorkoutStatus = 'in-progress' | 'done';

export interface HoldRecord {
	side: Side | null;
	/** Seconds held. */
	seconds: number;
}

export interface CueRecord {
	/** Session time (s) the cue was given. */
	t: number;
	id: string;
	text: string;
}

/** One rep's or hold's range of motion on one side (rom/tracker.ts RomEntry), schema v3. */
export interface RangeOfMotionRecord {
	/** Session time (s) of the rep or hold's end. */
	t: number;
	/** A measure id of rom/measures.ts; kept as text so a later build's measure still loads. */
	measure: string;
	side: Side | null;
	/** Degrees, 0–360. */
	degrees: number;
}

/** One exercise done once: created when it starts and saved as it goes. */
export interface WorkoutRecord {
	id: string;
	exerciseId: string;
	/** ISO instants (UTC, `toISOString()` form). */
	startedAt: string;
	/** Null while in progress. */
	endedAt: string | null;
	/** Last time the record was saved (schema v2): the effective end of a session a closed tab left. */
	updatedAt: string;
	reps: number;
	holds: HoldRecord[];
	/** Per-rep form scores, 0–100. */
	repScores: number[];
	cues: CueRecord[];
	/** Range of motion per rep or hold and side (schema v3; empty for older workouts). */
	rangeOfMotion: RangeOfMotionRecord[];
	/** Set when the workout was part of a routine (RoutineRecord.routineId). */
	routineId?: string;
	status: WorkoutStatus;
}

export interface RoutineItemRecord {
	exerciseId: string;
	/** The workout that did it; null when it was skipped. */
	workoutId: string | null;
	status: 'done' | 'skipped';
}

/** A routine that was completed (or ended early): one per run through it. */
export interface RoutineRecord {
	id: string;
	/** Which routine (the catalog's or the user's id); `name` keeps its name at the time. */
	routineId: string;
	name: string;
	startedAt: string;
	endedAt: string;
	items: RoutineItemRecord[];
}

/** Posture monitor totals for one local calendar day. */
export interface PostureDayRecord {
	/** Local date, YYYY-MM-DD. */
	date: string;
	/** Seconds spent in each state. */
	seconds: Record<PostureState, number>;
	/**
	 * Of the slouched seconds, those work mode put down to each cause (posture/slouch-cause.ts;
	 * schema v4). The rest were put down to neither, or were counted before v4 (then all 0).
	 */
	slouchedBy: Record<SlouchCause, number>;
	/** Reminders given to sit up. */
	nudges: number;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export interface SettingRecord {
	key: string;
	value: JsonValue;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

export { POSTURE_STATES };

/** Ids and names are short; a megabyte-long "id" is a broken file, not a workout. */
const MAX_STRING = 1000;
/** Deepest nesting accepted in a setting's value. */
const MAX_JSON_DEPTH = 20;

/** Thrown inside the parsers only; turned into `{ ok: false }` at their boundary. */
class Bad extends Error {
	constructor(
		readonly field: string,
		readonly reason: string
	) {
		super(`${field}: ${reason}`);
	}
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30). */
export function isLocalDate(v: unknown): v is string {
	if (typeof v !== 'string') return false;
	const m = LOCAL_DATE.exec(v);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 date-time with its zone, normalised to `toISOString()` form; else null. */
export function toInstant(v: unknown): string | null {
	const ms = typeof v === 'string' && ISO_INSTANT.test(v) ? Date.parse(v) : NaN;
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Reads typed fields off an unknown object, naming the path of the first bad one. */
class Fields {
	readonly #o: Record<string, unknown>;
	readonly #prefix: string;

	constructor(v: unknown, prefix: string) {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) {
			throw new Bad(prefix || '(record)', 'must be an object');
		}
		this.#o = v as Record<string, unknown>;
		this.#prefix = prefix;
	}

	path(key: string): string {
		return this.#prefix ? `${this.#prefix}.${key}` : key;
	}

	has(key: string): boolean {
		return this.#o[key] !== undefined;
	}

	raw(key: string): unknown {
		return this.#o[key];
	}

	string(key: string, { nonEmpty = false } = {}): string {
		const v = this.#o[key];
		if (typeof v !== 'string') throw new Bad(this.path(key), 'must be a string');
		if (nonEmpty && v.length === 0) throw new Bad(this.path(key), 'must not be empty');
		if (v.length > MAX_STRING)
			throw new Bad(this.path(key), `longer than ${MAX_STRING} characters`);
		return v;
	}

	instant(key: string): string {
		const v = toInstant(this.#o[key]);
		if (v === null) {
			throw new Bad(this.path(key), 'must be an ISO date-time like 2024-05-01T08:30:00.000Z');
		}
		return v;
	}

	nullableInstant(key: string): string | null {
		return this.#o[key] === null ? null : this.instant(key);
	}

	localDate(key: string): string {
		const v = this.#o[key];
		if (!isLocalDate(v)) throw new Bad(this.path(key), 'must be a date like 2024-05-01');
		return v;
	}

	number(key: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
		const v = this.#o[key];
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw new Bad(this.path(key), 'must be a number');
		}
		if (integer && !Number.isInteger(v)) throw new Bad(this.path(key), 'must be a whole number');
		if (v < min || v > max) {
			const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
			throw new Bad(this.path(key), `must be ${range}`);
		}
		return v;
	}

	oneOf<T extends string | null>(key: string, values: readonly T[]): T {
		const v = this.#o[key];
		if (!values.includes(v as T)) {
			throw new Bad(
				this.path(key),
				`must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`
			);
		}
		return v as T;
	}

	array<T>(key: string, item: (v: unknown, path: string) => T): T[] {
		const v = this.#o[key];
		if (!Array.isArray(v)) throw new Bad(this.path(key), 'must be an array');
		return v.map((x, i) => item(x, `${this.path(key)}[${i}]`));
	}
}

function run<T>(parse: () => T): Parsed<T> {
	try {
		return { ok: true, value: parse() };
	} catch (e) {
		if (e instanceof Bad) return { ok: false, field: e.field, reason: e.reason };
		throw e;
	}
}

function parseHold(v: unknown, path: string): HoldRecord {
	const f = new Fields(v, path);
	return {
		side: f.oneOf<Side | null>('side', ['left', 'right', null]),
		seconds: f.number('seconds', { min: 0 })
	};
}

function parseCue(v: unknown, path: string): CueRecord {
	const f = new Fields(v, path);
	return { t: f.number('t', { min: 0 }), id: f.string('id'), text: f.string('text') };
}

function parseRangeOfMotion(v: unknown, path: string): RangeOfMotionRecord {
	const f = new Fields(v, path);
	return {
		t: f.number('t', { min: 0 }),
		measure: f.string('measure', { nonEmpty: true }),
		side: f.oneOf<Side | null>('side', ['left', 'right', null]),
		degrees: f.number('degrees', { min: 0, max: 360 })
	};
}

function parseScore(v: unknown, path: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) {
		throw new Bad(path, 'must be a number from 0 to 100');
	}
	return v;
}

export function parseWorkout(v: unknown): Parsed<WorkoutRecord> {
	return run(() => {
		const f = new Fields(v, '');
		const record: WorkoutRecord = {
			id: f.string('id', { nonEmpty: true }),
			exerciseId: f.string('exerciseId', { nonEmpty: true }),
			startedAt: f.instant('startedAt'),
			endedAt: f.nullableInstant('endedAt'),
			updatedAt: f.instant('updatedAt'),
			reps: f.number('reps', { min: 0, integer: true }),
			holds: f.array('holds', parseHold),
			repScores: f.array('repScores', parseScore),
			cues: f.array('cues', parseCue),
			// Workouts saved before schema v3 (or exported from such a build) have none.
			rangeOfMotion: f.has('rangeOfMotion') ? f.array('rangeOfMotion', parseRangeOfMotion) : [],
			status: f.oneOf<WorkoutStatus>('status', ['in-progress', 'done'])
		};
		if (f.has('routineId')) record.routineId = f.string('routineId', { nonEmpty: true });
		// Only the pairing is checked, not the order of the instants: a clock changed mid-session
		// must not turn a real workout into a "corrupt" one that is hidden forever.
		if (record.status === 'done' && record.endedAt === null) {
			throw new Bad('endedAt', 'must be set when status is "done"');
		}
		if (record.status === 'in-progress' && record.endedAt !== null) {
			throw new Bad('endedAt', 'must be null while status is "in-progress"');
		}
		return record;
	});
}

function parseRoutineItem(v: unknown, path: string): RoutineItemRecord {
	const f = new Fields(v, path);
	return {
		exerciseId: f.string('exerciseId', { nonEmpty: true }),
		workoutId: f.raw('workoutId') === null ? null : f.string('workoutId', { nonEmpty: true }),
		status: f.oneOf<'done' | 'skipped'>('status', ['done', 'skipped'])
	};
}

export function parseRoutine(v: unknown): Parsed<RoutineRecord> {
	return run(() => {
		const f = new Fields(v, '');
		return {
			id: f.string('id', { nonEmpty: true }),
			routineId: f.string('routineId', { nonEmpty: true }),
			name: f.string('name'),
			startedAt: f.instant('startedAt'),
			endedAt: f.instant('endedAt'),
			items: f.array('items', parseRoutineItem)
		};
	});
}

export function parsePostureDay(v: unknown): Parsed<PostureDayRecord> {
	return run(() => {
		const f = new Fields(v, '');
		const date = f.localDate('date');
		const s = new Fields(f.raw('seconds'), 'seconds');
		const seconds = {} as Record<PostureState, number>;
		for (const state of POSTURE_STATES) seconds[state] = s.number(state, { min: 0 });
		// Days counted before schema v4 (and older export files) have no causes: none named.
		const slouchedBy = noSlouchCauses();
		if (f.has('slouchedBy')) {
			const by = new Fields(f.raw('slouchedBy'), 'slouchedBy');
			for (const c of SLOUCH_CAUSES) slouchedBy[c] = by.has(c) ? by.number(c, { min: 0 }) : 0;
		}
		return { date, seconds, slouchedBy, nudges: f.number('nudges', { min: 0, integer: true }) };
	});
}

function parseJson(v: unknown, path: string, depth = 0): JsonValue {
	if (depth > MAX_JSON_DEPTH) throw new Bad(path, `nested deeper than ${MAX_JSON_DEPTH} levels`);
	if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) throw new Bad(path, 'must be a finite number');
		return v;
	}
	if (Array.isArray(v)) return v.map((x, i) => parseJson(x, `${path}[${i}]`, depth + 1));
	if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
		// fromEntries defines own properties, so a "__proto__" key stays data, not a prototype.
		return Object.fromEntries(
			Object.entries(v).map(([k, x]) => [k, parseJson(x, `${path}.${k}`, depth + 1)])
		);
	}
	throw new Bad(path, 'must be plain JSON (null, boolean, number, string, array or object)');
}

export function parseSetting(v: unknown): Parsed<SettingRecord> {
	return run(() => {
		const f = new Fields(v, '');
		const key = f.string('key', { nonEmpty: true });
		if (!('value' in (v as object))) throw new Bad('value', 'is missing');
		return { key, value: parseJson(f.raw('value'), 'value') };
	});
}

/** No slouched seconds put down to any cause. */
export function noSlouchCauses(): Record<SlouchCause, number> {
	return { 'forward-head': 0, 'rounded-shoulders': 0 };
}

/** A posture day with nothing counted yet. */
export function emptyPostureDay(date: string): PostureDayRecord {
	return {
		date,
		seconds: { upright: 0, slouched: 0, away: 0, unknown: 0 },
		slouchedBy: noSlouchCauses(),
		nudges: 0
	};
}
