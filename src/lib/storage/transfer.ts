/**
 * "Your data": everything out as one JSON file (and the two tables as CSV), everything back in,
 * everything gone. Import checks the whole file before it touches the database, then writes it
 * in one transaction: a bad file is refused with the first bad record and field named, and a
 * write that fails half way (disk full) rolls back, so what was stored stays exactly as it was.
 */
import { toCsv } from './csv';
import { localDate } from './dates';
import {
	collect,
	STORE_NAMES,
	writeTransaction,
	type ScapulaDb,
	type SkippedRecord,
	type StoreName
} from './db';
import { ImportError } from './errors';
import { workoutSpan } from './progress';
import {
	parsePostureDay,
	parseRoutine,
	parseSetting,
	parseWorkout,
	type Parsed,
	type PostureDayRecord,
	type RoutineRecord,
	type SettingRecord,
	toInstant,
	type WorkoutRecord
} from './records';

export const EXPORT_FORMAT = 'scapula-export';
export const EXPORT_VERSION = 1;

export interface ScapulaExport {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	/** ISO instant the file was made. */
	exportedAt: string;
	workouts: WorkoutRecord[];
	routines: RoutineRecord[];
	postureDays: PostureDayRecord[];
	settings: SettingRecord[];
}

interface StoreSpec<T> {
	parse: (v: unknown) => Parsed<T>;
	/** The primary key of a parsed record. */
	key: (r: T) => string;
	/** The key read off a raw, possibly bad record, to name it in errors. */
	rawKey: string;
}

const SPECS: { [S in StoreName]: StoreSpec<ScapulaExport[S][number]> } = {
	workouts: { parse: parseWorkout, key: (r) => r.id, rawKey: 'id' },
	routines: { parse: parseRoutine, key: (r) => r.id, rawKey: 'id' },
	postureDays: { parse: parsePostureDay, key: (r) => r.date, rawKey: 'date' },
	settings: { parse: parseSetting, key: (r) => r.key, rawKey: 'key' }
};

export interface ExportOptions {
	/** Wall clock for `exportedAt` (default Date.now). */
	now?: () => number;
	/** Stored records that failed validation and are not in the export. */
	onSkipped?: (skipped: SkippedRecord[]) => void;
}

/** Everything stored, as one JSON-ready object; read in one transaction, so it is consistent. */
export async function exportAll(
	db: ScapulaDb,
	options: ExportOptions = {}
): Promise<ScapulaExport> {
	const tx = db.transaction([...STORE_NAMES], 'readonly');
	const reads = STORE_NAMES.map((name) => {
		const store = tx.objectStore(name);
		return Promise.all([store.getAllKeys(), store.getAll()]);
	});
	const [results] = await Promise.all([Promise.all(reads), tx.done]);
	const skipped: SkippedRecord[] = [];
	const out: Record<string, unknown[]> = {};
	STORE_NAMES.forEach((name, i) => {
		const [keys, values] = results[i] ?? [[], []];
		const rows = values.map((value, j) => ({
			key: keys[j] as IDBValidKey,
			value: value as unknown
		}));
		const read = collect(name, rows, SPECS[name].parse as (v: unknown) => Parsed<unknown>);
		out[name] = read.records;
		skipped.push(...read.skipped);
	});
	if (skipped.length) options.onSkipped?.(skipped);
	// Oldest first, as a person reading the file expects (ties keep key order: sort is stable).
	const byStart = (a: { startedAt: string }, b: { startedAt: string }) =>
		a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0;
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: new Date((options.now ?? Date.now)()).toISOString(),
		workouts: (out.workouts as WorkoutRecord[]).sort(byStart),
		routines: (out.routines as RoutineRecord[]).sort(byStart),
		postureDays: (out.postureDays as PostureDayRecord[]).sort((a, b) => (a.date < b.date ? -1 : 1)),
		settings: out.settings as SettingRecord[]
	};
}

function describe(v: unknown): string {
	return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/**
 * Checks a whole export (its text, or the parsed object) and returns it cleaned, or throws
 * ImportError for the first problem: the file, the format, the version, then each record in
 * order (store, position, key, field), then duplicate keys.
 */
export function validateExport(input: unknown): ScapulaExport {
	let data = input;
	if (typeof input === 'string') {
		try {
			data = JSON.parse(input);
		} catch (e) {
			throw new ImportError('', `The file is not valid JSON (${(e as Error).message}).`);
		}
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ImportError('', `The file must hold a JSON object, not ${describe(data)}.`);
	}
	const o = data as Record<string, unknown>;
	if (o.format !== EXPORT_FORMAT) {
		throw new ImportError(
			'format',
			`This is not a Scapula export (format must be "${EXPORT_FORMAT}").`
		);
	}
	if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) {
		throw new ImportError('version', 'must be a whole number from 1');
	}
	if (o.version > EXPORT_VERSION) {
		throw new ImportError(
			'version',
			`The file was made by a newer Scapula (format version ${o.version}); update the app to import it.`
		);
	}
	const exportedAt = toInstant(o.exportedAt);
	if (exportedAt === null) throw new ImportError('exportedAt', 'must be an ISO date-time');

	const out: Record<string, unknown[]> = {};
	for (const name of STORE_NAMES) {
		const list = o[name];
		if (!Array.isArray(list))
			throw new ImportError(name, `must be an array, not ${describe(list)}`);
		const spec = SPECS[name] as StoreSpec<unknown>;
		const seen = new Map<string, number>();
		out[name] = list.map((raw, index) => {
			const rawKey = (raw as Record<string, unknown> | null)?.[spec.rawKey];
			const key = typeof rawKey === 'string' ? rawKey : undefined;
			const p = spec.parse(raw);
			if (!p.ok) {
				throw new ImportError(`${name}[${index}].${p.field}`, p.reason, {
					store: name,
					index,
					key,
					field: p.field
				});
			}
			const k = spec.key(p.value);
			const first = seen.get(k);
			if (first !== undefined) {
				throw new ImportError(
					`${name}[${index}].${spec.rawKey}`,
					`the same ${spec.rawKey} as ${name}[${first}]`,
					{ store: name, index, key: k, field: spec.rawKey }
				);
			}
			seen.set(k, index);
			return p.value;
		});
	}
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt,
		workouts: out.workouts as WorkoutRecord[],
		routines: out.routines as RoutineRecord[],
		postureDays: out.postureDays as PostureDayRecord[],
		settings: out.settings as SettingRecord[]
	};
}

export interface ImportOptions {
	/**
	 * 'merge' (default) adds the file's records and replaces stored ones with the same key;
	 * 'replace' deletes everything stored first. Either way in one transaction.
	 */
	mode?: 'merge' | 'replace';
}

export type ImportCounts = Record<StoreName, number>;

/**
 * Validates all of `input` (the file's text or its parsed JSON), then writes it in one
 * transaction. Throws ImportError for a bad file and StorageFullError when the disk is full; in
 * both cases nothing stored has changed.
 */
export async function importAll(
	db: ScapulaDb,
	input: unknown,
	options: ImportOptions = {}
): Promise<ImportCounts> {
	const data = validateExport(input);
	await writeTransaction(db, STORE_NAMES, async (tx) => {
		const requests: Promise<unknown>[] = [];
		try {
			for (const name of STORE_NAMES) {
				const store = tx.objectStore(name);
				if (options.mode === 'replace') requests.push(store.clear());
				for (const record of data[name]) requests.push(store.put(record as never));
			}
		} finally {
			// Every queued request gets a handler, so those the abort cancels are not "unhandled".
			await Promise.allSettled(requests);
		}
		await Promise.all(requests);
	});
	return {
		workouts: data.workouts.length,
		routines: data.routines.length,
		postureDays: data.postureDays.length,
		settings: data.settings.length
	};
}

/** Deletes every stored record (all four stores, one transaction). */
export async function deleteAll(db: ScapulaDb): Promise<void> {
	await writeTransaction(db, STORE_NAMES, async (tx) => {
		await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
	});
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export const WORKOUT_CSV_HEADER = [
	'id',
	'exerciseId',
	'routineId',
	'status',
	'startedAt',
	'endedAt',
	'localDate',
	'minutes',
	'reps',
	'holds',
	'holdSeconds',
	'meanRepScore',
	'cues'
] as const;

/** One row per workout, oldest first; `localDate` in `timeZone` (default the runtime's). */
export function workoutsCsv(workouts: readonly WorkoutRecord[], timeZone?: string): string {
	const sorted = [...workouts].sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
	return toCsv(
		WORKOUT_CSV_HEADER,
		sorted.map((w) => {
			const { start, end } = workoutSpan(w);
			const scores = w.repScores;
			return [
				w.id,
				w.exerciseId,
				w.routineId ?? null,
				w.status,
				w.startedAt,
				w.endedAt,
				localDate(w.startedAt, timeZone),
				round((end - start) / 60_000, 2),
				w.reps,
				w.holds.length,
				round(
					w.holds.reduce((s, h) => s + h.seconds, 0),
					1
				),
				scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 1) : null,
				w.cues.length
			];
		})
	);
}

export const POSTURE_CSV_HEADER = [
	'date',
	'uprightSeconds',
	'slouchedSeconds',
	'awaySeconds',
	'unknownSeconds',
	'nudges',
	'slouchedShare',
	'forwardHeadSeconds',
	'roundedShouldersSeconds'
] as const;

/** One row per posture day, oldest first. */
export function postureDaysCsv(days: readonly PostureDayRecord[]): string {
	const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
	return toCsv(
		POSTURE_CSV_HEADER,
		sorted.map((d) => {
			const s = d.seconds;
			const seated = s.upright + s.slouched;
			return [
				d.date,
				round(s.upright, 1),
				round(s.slouched, 1),
				round(s.away, 1),
				round(s.unknown, 1),
				d.nudges,
				seated > 0 ? round(s.slouched / seated, 3) : null,
				round(d.slouchedBy['forward-head'], 1),
				round(d.slouchedBy['rounded-shoulders'], 1)
			];
		})
	);
}
