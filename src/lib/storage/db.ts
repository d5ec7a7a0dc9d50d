/**
 * The IndexedDB database, through `idb` (a 1 kB promise wrapper that keeps IndexedDB's own
 * transactions visible, which the all-or-nothing import needs). Schema changes are numbered
 * migrations, each run once, in order, inside the upgrade transaction; a failing migration aborts
 * the upgrade and leaves the old database as it was.
 *
 * The factory is injectable (fake-indexeddb in Node tests, `globalThis.indexedDB` in the app).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { CorruptRecordError, StorageUnavailableError, toStorageError } from './errors';
import {
	emptyPostureDay,
	noSlouchCauses,
	parsePostureDay,
	parseRoutine,
	parseSetting,
	parseWorkout,
	POSTURE_STATES,
	type JsonValue,
	type Parsed,
	type PostureDayRecord,
	type RoutineRecord,
	type SettingRecord,
	type WorkoutRecord
} from './records';
import type { PostureState } from '../posture/types';
import { SLOUCH_CAUSES, type SlouchCause } from '../posture/slouch-cause';

export interface ScapulaSchema extends DBSchema {
	workouts: {
		key: string;
		value: WorkoutRecord;
		indexes: { byStartedAt: string; byExercise: string; byStatus: string };
	};
	routines: { key: string; value: RoutineRecord; indexes: { byStartedAt: string } };
	postureDays: { key: string; value: PostureDayRecord };
	settings: { key: string; value: SettingRecord };
}

export type ScapulaDb = IDBPDatabase<ScapulaSchema>;
export type StoreName = StoreNames<ScapulaSchema>;
type UpgradeTx = IDBPTransaction<ScapulaSchema, StoreName[], 'versionchange'>;

export const DB_NAME = 'scapula';
export const STORE_NAMES: readonly StoreName[] = [
	'workouts',
	'routines',
	'postureDays',
	'settings'
];

/**
 * Migration n turns a version n-1 database into version n. Append new ones; never edit one that
 * has shipped (people's browsers already ran it). Only IndexedDB requests may be awaited inside:
 * the upgrade transaction commits as soon as it has nothing pending.
 */
const MIGRATIONS: ReadonlyArray<(db: ScapulaDb, tx: UpgradeTx) => Promise<void> | void> = [
	// v1: the four stores.
	(db) => {
		const workouts = db.createObjectStore('workouts', { keyPath: 'id' });
		workouts.createIndex('byStartedAt', 'startedAt');
		workouts.createIndex('byExercise', 'exerciseId');
		const routines = db.createObjectStore('routines', { keyPath: 'id' });
		routines.createIndex('byStartedAt', 'startedAt');
		db.createObjectStore('postureDays', { keyPath: 'date' });
		db.createObjectStore('settings', { keyPath: 'key' });
	},
	// v2: workouts get `updatedAt` (the time of their last save, so a session a closed tab left
	// "in progress" still has a length: it defaults to endedAt, else startedAt) and a status index
	// to find those sessions.
	async (_db, tx) => {
		const store = tx.objectStore('workouts');
		store.createIndex('byStatus', 'status');
		for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
			const v: unknown = cursor.value;
			// A record too broken to upgrade is left as it is; reading reports and skips it.
			if (typeof v !== 'object' || v === null || 'updatedAt' in v) continue;
			const { endedAt, startedAt } = v as { endedAt?: unknown; startedAt?: unknown };
			const updatedAt = typeof endedAt === 'string' ? endedAt : startedAt;
			await cursor.update({ ...(v as WorkoutRecord), updatedAt: updatedAt as string });
		}
	},
	// v3: workouts keep their range of motion per rep and side (`rangeOfMotion`, degrees); the
	// older ones get an empty list, so every stored workout has the field.
	async (_db, tx) => {
		const store = tx.objectStore('workouts');
		for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
			const v: unknown = cursor.value;
			if (typeof v !== 'object' || v === null || 'rangeOfMotion' in v) continue;
			await cursor.update({ ...(v as WorkoutRecord), rangeOfMotion: [] });
		}
	},
	// v4: posture days keep the slouched seconds put down to each cause (`slouchedBy`: forward
	// head, rounded shoulders); the older days get none named, so every stored day has the field.
	async (_db, tx) => {
		const store = tx.objectStore('postureDays');
		for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
			const v: unknown = cursor.value;
			if (typeof v !== 'object' || v === null || 'slouchedBy' in v) continue;
			// A record too broken to read is left as it is; reading reports and skips it.
			const day = parsePostureDay(v);
			if (day.ok) await cursor.update({ ...(v as PostureDayRecord), slouchedBy: noSlouchCauses() });
		}
	}
];

export const DB_VERSION = MIGRATIONS.length;

export interface OpenOptions {
	/** Database name (default 'scapula'). */
	name?: string;
	/** IndexedDB implementation (default `globalThis.indexedDB`). */
	factory?: IDBFactory;
	/** Stop at this schema version: for migration tests only (the types assume the latest). */
	version?: number;
	/**
	 * Another tab opened a newer version: this connection has been closed so its upgrade can run.
	 * The app should reload (or at least stop writing).
	 */
	onVersionChange?: () => void;
	/** This tab's upgrade waits for another tab to close its older connection. */
	onBlocked?: () => void;
}

/** Opens (creating or upgrading) the database. Throws StorageUnavailableError when it can't. */
export async function openScapulaDb(options: OpenOptions = {}): Promise<ScapulaDb> {
	const { name = DB_NAME, version = DB_VERSION, onVersionChange, onBlocked } = options;
	const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
	if (!factory) {
		throw new StorageUnavailableError(
			'unsupported',
			'This browser offers no IndexedDB here (private mode or an old browser): history is off.'
		);
	}
	if (!Number.isInteger(version) || version < 1 || version > DB_VERSION) {
		throw new RangeError(`Schema version must be 1 to ${DB_VERSION}, not ${version}`);
	}

	let migrationError: unknown = null;
	let request: IDBOpenDBRequest;
	try {
		request = factory.open(name, version);
	} catch (e) {
		throw new StorageUnavailableError('failed', 'Could not open the history database.', {
			cause: e
		});
	}
	request.addEventListener('upgradeneeded', (event) => {
		const db = wrap(request.result) as unknown as ScapulaDb;
		const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
		// idb gives every wrapped transaction a `done` promise; the open request reports a failed
		// upgrade, so this one must not surface as an unhandled rejection.
		tx.done.catch(() => undefined);
		migrate(db, tx, event.oldVersion, event.newVersion ?? version).catch((e: unknown) => {
			migrationError = e;
			try {
				tx.abort();
			} catch {
				// Already finished or aborted: the open request reports it.
			}
		});
	});
	request.addEventListener('blocked', () => onBlocked?.());

	let db: ScapulaDb;
	try {
		db = (await wrap(request)) as unknown as ScapulaDb;
	} catch (e) {
		if (migrationError) {
			throw new StorageUnavailableError('failed', 'Upgrading the history database failed.', {
				cause: migrationError
			});
		}
		throw toStorageError(e);
	}
	db.addEventListener('versionchange', () => {
		db.close();
		onVersionChange?.();
	});
	return db;
}

async function migrate(db: ScapulaDb, tx: UpgradeTx, from: number, to: number): Promise<void> {
	for (let v = from + 1; v <= to; v++) {
		const step = MIGRATIONS[v - 1];
		if (!step) throw new Error(`No migration to version ${v}`);
		await step(db, tx);
	}
}

// ---------------------------------------------------------------------------------------------
// Reading: every record is parsed; the ones that fail are skipped and reported, never thrown.

export interface SkippedRecord {
	store: StoreName;
	/** The record's primary key. */
	key: IDBValidKey;
	field: string;
	reason: string;
}

export interface ReadResult<T> {
	records: T[];
	/** Stored records that failed validation and were left out (and left on disk). */
	skipped: SkippedRecord[];
}

export function collect<T>(
	store: StoreName,
	rows: ReadonlyArray<{ key: IDBValidKey; value: unknown }>,
	parse: (v: unknown) => Parsed<T>
): ReadResult<T> {
	const out: ReadResult<T> = { records: [], skipped: [] };
	for (const { key, value } of rows) {
		const p = parse(value);
		if (p.ok) out.records.push(p.value);
		else out.skipped.push({ store, key, field: p.field, reason: p.reason });
	}
	return out;
}

interface Source {
	getAll(query?: IDBKeyRange | IDBValidKey): Promise<unknown[]>;
	getAllKeys(query?: IDBKeyRange | IDBValidKey): Promise<IDBValidKey[]>;
}

/**
 * Rows with their primary keys, from a store or one of its indexes. getAll and getAllKeys walk
 * the same order; keys are read separately so a skipped record can still be named.
 */
async function rows(
	db: ScapulaDb,
	store: StoreName,
	query?: IDBKeyRange | IDBValidKey,
	index?: string
): Promise<Array<{ key: IDBValidKey; value: unknown }>> {
	const tx = db.transaction(store, 'readonly');
	const objectStore = tx.objectStore(store) as unknown as Source & { index(n: string): Source };
	const source = index ? objectStore.index(index) : objectStore;
	const [keys, values] = await Promise.all([
		source.getAllKeys(query),
		source.getAll(query),
		tx.done
	]);
	return values.map((value, i) => ({ key: keys[i] as IDBValidKey, value }));
}

const byStart = (a: { startedAt: string }, b: { startedAt: string }) =>
	a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0;

export interface WorkoutQuery {
	/**
	 * Only workouts started at or after this instant (read through the startedAt index, which
	 * holds no record whose startedAt is missing: such a record is then neither listed nor reported).
	 */
	since?: Date | number | string;
	/** Only this exercise. */
	exerciseId?: string;
}

/** Workouts, oldest first. */
export async function listWorkouts(
	db: ScapulaDb,
	query: WorkoutQuery = {}
): Promise<ReadResult<WorkoutRecord>> {
	const range =
		query.since === undefined
			? undefined
			: IDBKeyRange.lowerBound(new Date(query.since).toISOString());
	const result = collect(
		'workouts',
		await rows(db, 'workouts', range, range && 'byStartedAt'),
		parseWorkout
	);
	result.records.sort(byStart);
	if (query.exerciseId !== undefined) {
		result.records = result.records.filter((w) => w.exerciseId === query.exerciseId);
	}
	return result;
}

/** Workouts still marked in progress (a tab closed mid-session, or one running now). */
export async function listInProgressWorkouts(db: ScapulaDb): Promise<ReadResult<WorkoutRecord>> {
	return collect('workouts', await rows(db, 'workouts', 'in-progress', 'byStatus'), parseWorkout);
}

/** How long (ms) an in-progress workout must go unsaved before it counts as abandoned. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Finishes workouts a closed tab left in progress: status 'done', ending at their last save.
 * Only those unsaved for `idleMs` (a live session saves every second), so one running in another
 * tab is left alone. Returns the workouts it finished. Call it when the history page opens.
 */
export async function finishAbandonedWorkouts(
	db: ScapulaDb,
	{ now = Date.now(), idleMs = ABANDONED_AFTER_MS }: { now?: number; idleMs?: number } = {}
): Promise<WorkoutRecord[]> {
	return writeTransaction(db, ['workouts'], async (tx) => {
		const finished: WorkoutRecord[] = [];
		const index = tx.objectStore('workouts').index('byStatus');
		for (
			let cursor = await index.openCursor('in-progress');
			cursor;
			cursor = await cursor.continue()
		) {
			const p = parseWorkout(cursor.value);
			if (!p.ok || Date.parse(p.value.updatedAt) > now - idleMs) continue;
			const done: WorkoutRecord = { ...p.value, status: 'done', endedAt: p.value.updatedAt };
			await cursor.update(done);
			finished.push(done);
		}
		return finished;
	});
}

export async function getWorkout(db: ScapulaDb, id: string): Promise<WorkoutRecord | null> {
	const p = parseWorkout(await db.get('workouts', id));
	return p.ok ? p.value : null;
}

/** Completed routines, oldest first. */
export async function listRoutines(db: ScapulaDb): Promise<ReadResult<RoutineRecord>> {
	const result = collect('routines', await rows(db, 'routines'), parseRoutine);
	result.records.sort(byStart);
	return result;
}

export async function listPostureDays(
	db: ScapulaDb,
	range: { from?: string; to?: string } = {}
): Promise<ReadResult<PostureDayRecord>> {
	const { from, to } = range;
	const query =
		from !== undefined && to !== undefined
			? IDBKeyRange.bound(from, to)
			: from !== undefined
				? IDBKeyRange.lowerBound(from)
				: to !== undefined
					? IDBKeyRange.upperBound(to)
					: undefined;
	return collect('postureDays', await rows(db, 'postureDays', query), parsePostureDay);
}

export async function listSettings(db: ScapulaDb): Promise<ReadResult<SettingRecord>> {
	return collect('settings', await rows(db, 'settings'), parseSetting);
}

// ---------------------------------------------------------------------------------------------
// Writing: one transaction per change; every failure goes through toStorageError.

type WriteTx = IDBPTransaction<ScapulaSchema, StoreName[], 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction over `stores` and waits for the commit. Any failure
 * aborts the whole transaction, so nothing it wrote stays, and comes out through toStorageError.
 * The transaction's own `error` is preferred over the one `work` saw: when IndexedDB aborts on
 * quota, the other requests fail with a bland AbortError while `tx.error` says QuotaExceededError.
 */
export async function writeTransaction<T>(
	db: ScapulaDb,
	stores: readonly StoreName[],
	work: (tx: WriteTx) => Promise<T>
): Promise<T> {
	let tx: WriteTx;
	try {
		tx = db.transaction([...stores], 'readwrite');
	} catch (e) {
		throw toStorageError(e);
	}
	try {
		const result = await work(tx);
		await tx.done;
		return result;
	} catch (e) {
		try {
			tx.abort();
		} catch {
			// Already aborted or finished.
		}
		await tx.done.catch(() => undefined);
		throw toStorageError(tx.error ?? e);
	}
}

function checked<T>(p: Parsed<T>, what: string): T {
	if (!p.ok) throw new TypeError(`Invalid ${what}: ${p.field} ${p.reason}`);
	return p.value;
}

export async function putWorkout(db: ScapulaDb, record: WorkoutRecord): Promise<void> {
	const value = checked(parseWorkout(record), 'workout');
	await writeTransaction(db, ['workouts'], async (tx) => {
		await tx.objectStore('workouts').put(value);
	});
}

export async function deleteWorkout(db: ScapulaDb, id: string): Promise<void> {
	await writeTransaction(db, ['workouts'], (tx) => tx.objectStore('workouts').delete(id));
}

export async function putRoutine(db: ScapulaDb, record: RoutineRecord): Promise<void> {
	const value = checked(parseRoutine(record), 'routine');
	await writeTransaction(db, ['routines'], async (tx) => {
		await tx.objectStore('routines').put(value);
	});
}

/**
 * Adds posture time to a local day's totals (read-modify-write in one transaction, so two
 * quick calls never lose each other's seconds). A stored day that fails validation is replaced.
 */
export async function addPostureTime(
	db: ScapulaDb,
	date: string,
	add: Partial<Record<PostureState, number>>,
	nudges = 0,
	slouchedBy: Partial<Record<SlouchCause, number>> = {}
): Promise<PostureDayRecord> {
	checked(parsePostureDay(emptyPostureDay(date)), 'date');
	for (const state of POSTURE_STATES) {
		const s = add[state] ?? 0;
		if (!Number.isFinite(s) || s < 0) throw new RangeError(`${state} seconds must be ≥ 0`);
	}
	for (const cause of SLOUCH_CAUSES) {
		const s = slouchedBy[cause] ?? 0;
		if (!Number.isFinite(s) || s < 0) throw new RangeError(`${cause} seconds must be ≥ 0`);
	}
	if (!Number.isInteger(nudges) || nudges < 0) throw new RangeError('nudges must be a count');
	return writeTransaction(db, ['postureDays'], async (tx) => {
		const store = tx.objectStore('postureDays');
		const raw: unknown = await store.get(date);
		const stored = parsePostureDay(raw);
		// An unreadable day is not overwritten with today's seconds alone: that would lose it.
		if (!stored.ok && raw !== undefined) {
			throw new CorruptRecordError('postureDays', date, stored.field, stored.reason);
		}
		const day = stored.ok ? stored.value : emptyPostureDay(date);
		for (const state of POSTURE_STATES) day.seconds[state] += add[state] ?? 0;
		for (const cause of SLOUCH_CAUSES) day.slouchedBy[cause] += slouchedBy[cause] ?? 0;
		day.nudges += nudges;
		await store.put(day);
		return day;
	});
}

/** A setting's value, or `fallback` when missing, corrupt or failing `valid`. */
export async function getSetting<T extends JsonValue>(
	db: ScapulaDb,
	key: string,
	fallback: T,
	valid: (v: JsonValue) => v is T
): Promise<T> {
	const p = parseSetting(await db.get('settings', key));
	return p.ok && valid(p.value.value) ? p.value.value : fallback;
}

export async function setSetting(db: ScapulaDb, key: string, value: JsonValue): Promise<void> {
	const record = checked(parseSetting({ key, value }), 'setting');
	await writeTransaction(db, ['settings'], async (tx) => {
		await tx.objectStore('settings').put(record);
	});
}
