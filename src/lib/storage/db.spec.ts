import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import {
	addPostureTime,
	DB_VERSION,
	finishAbandonedWorkouts,
	getSetting,
	getWorkout,
	listInProgressWorkouts,
	listPostureDays,
	listRoutines,
	listSettings,
	listWorkouts,
	openScapulaDb,
	putRoutine,
	putWorkout,
	setSetting,
	writeTransaction
} from './db';
import { CorruptRecordError, StorageFullError, StorageUnavailableError } from './errors';
import { freshDb, postureDay, workout } from './test-helpers';

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

/** Promisified raw request, for fixtures written without our code. */
const done = <T>(req: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});

/**
 * The database as version 1 shipped it, written with the raw IndexedDB API so this fixture does
 * not change when our migrations do: workouts had no `updatedAt` and no status index.
 */
async function shippedV1(factory: IDBFactory, name: string, workouts: unknown[]) {
	const open = factory.open(name, 1);
	open.onupgradeneeded = () => {
		const db = open.result;
		const w = db.createObjectStore('workouts', { keyPath: 'id' });
		w.createIndex('byStartedAt', 'startedAt');
		w.createIndex('byExercise', 'exerciseId');
		db.createObjectStore('routines', { keyPath: 'id' }).createIndex('byStartedAt', 'startedAt');
		db.createObjectStore('postureDays', { keyPath: 'date' });
		db.createObjectStore('settings', { keyPath: 'key' });
	};
	const db = await done(open);
	const tx = db.transaction(['workouts', 'settings'], 'readwrite');
	for (const w of workouts) tx.objectStore('workouts').put(w);
	tx.objectStore('settings').put({ key: 'voice', value: true });
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
}

const v1Done = {
	id: 'a',
	exerciseId: 'wall-angels',
	startedAt: '2025-03-01T09:00:00.000Z',
	endedAt: '2025-03-01T09:06:00.000Z',
	reps: 12,
	holds: [],
	repScores: [90, 85],
	cues: [{ t: 3.2, id: 'elbows', text: 'Keep elbows on the wall' }],
	status: 'done'
};
const v1Open = {
	id: 'b',
	exerciseId: 'doorway-stretch',
	startedAt: '2025-03-02T09:00:00.000Z',
	endedAt: null,
	reps: 0,
	holds: [{ side: 'left', seconds: 30 }],
	repScores: [],
	cues: [],
	status: 'in-progress'
};

describe('openScapulaDb', () => {
	it('creates the latest schema', async () => {
		const { db } = await freshDb();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([
			'postureDays',
			'routines',
			'settings',
			'workouts'
		]);
		const tx = db.transaction('workouts');
		expect([...tx.store.indexNames].sort()).toEqual(['byExercise', 'byStartedAt', 'byStatus']);
	});

	it('upgrades a v1 database with data: records intact, updatedAt filled, status index built', async () => {
		const factory = new IDBFactory();
		const broken = { id: 'c', exerciseId: 7 };
		await shippedV1(factory, 'scapula', [v1Done, v1Open, broken]);

		const db = await openScapulaDb({ factory });
		expect(db.version).toBe(DB_VERSION);
		const { records, skipped } = await listWorkouts(db);
		// v2 fills updatedAt, v3 an empty range of motion.
		expect(records).toEqual([
			{ ...v1Done, updatedAt: v1Done.endedAt, rangeOfMotion: [] },
			{ ...v1Open, updatedAt: v1Open.startedAt, rangeOfMotion: [] }
		]);
		// The broken record survives the upgrade untouched and is reported, not thrown.
		expect(skipped).toEqual([
			{ store: 'workouts', key: 'c', field: 'exerciseId', reason: 'must be a string' }
		]);
		expect((await listInProgressWorkouts(db)).records.map((w) => w.id)).toEqual(['b']);
		expect(await getSetting(db, 'voice', false, (v): v is boolean => typeof v === 'boolean')).toBe(
			true
		);
	});

	it('upgrades a v3 database: posture days get no causes named, a broken one stays as it was', async () => {
		const factory = new IDBFactory();
		const v3 = await openScapulaDb({ factory, version: 3 });
		const { slouchedBy: _, ...oldDay } = postureDay(
			'2025-03-01',
			{ upright: 600, slouched: 120 },
			2
		);
		const broken = { date: '2025-03-02', seconds: 'many', nudges: 0 };
		await v3.put('postureDays', oldDay as never);
		await v3.put('postureDays', broken as never);
		v3.close();

		const db = await openScapulaDb({ factory });
		expect(db.version).toBe(DB_VERSION);
		const { records, skipped } = await listPostureDays(db);
		expect(records).toEqual([postureDay('2025-03-01', { upright: 600, slouched: 120 }, 2)]);
		expect(skipped).toMatchObject([{ key: '2025-03-02', field: 'seconds' }]);
		expect(await db.get('postureDays', '2025-03-02')).toEqual(broken);
	});

	it('leaves a v1 database as it was when an upgrade fails half way', async () => {
		const factory = new IDBFactory();
		await shippedV1(factory, 'scapula', [v1Done, v1Open]);
		let updates = 0;
		const realUpdate = IDBCursor.prototype.update;
		vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(function (
			this: IDBCursor,
			value: unknown
		) {
			if (++updates === 2) throw new DOMException('Disk trouble', 'UnknownError');
			return realUpdate.call(this, value);
		});
		await expect(openScapulaDb({ factory })).rejects.toMatchObject({
			name: 'StorageUnavailableError',
			reason: 'failed'
		});
		vi.restoreAllMocks();

		const raw = await done(factory.open('scapula'));
		expect(raw.version).toBe(1);
		expect([...raw.transaction('workouts').objectStore('workouts').indexNames]).not.toContain(
			'byStatus'
		);
		const stored = await done(raw.transaction('workouts').objectStore('workouts').getAll());
		expect(stored).toEqual([v1Done, v1Open]); // the first record's update was rolled back
		raw.close();

		// The next start upgrades cleanly.
		const db = await openScapulaDb({ factory });
		expect((await listWorkouts(db)).records).toHaveLength(2);
	});

	it('runs migration 1 alone when asked for version 1, then upgrades in place', async () => {
		const factory = new IDBFactory();
		const v1 = await openScapulaDb({ factory, version: 1 });
		expect(v1.version).toBe(1);
		await v1.put('workouts', v1Done as never);
		v1.close();
		const db = await openScapulaDb({ factory });
		expect(await getWorkout(db, 'a')).toEqual({
			...v1Done,
			updatedAt: v1Done.endedAt,
			rangeOfMotion: []
		});
	});

	it('upgrades a v2 database: its workouts load with an empty range of motion, new ones keep theirs', async () => {
		const factory = new IDBFactory();
		const v2 = await openScapulaDb({ factory, version: 2 });
		const v2Done = { ...v1Done, updatedAt: v1Done.endedAt };
		await v2.put('workouts', v2Done as never);
		v2.close();
		const db = await openScapulaDb({ factory });
		expect(db.version).toBe(DB_VERSION);
		expect(await getWorkout(db, 'a')).toEqual({ ...v2Done, rangeOfMotion: [] });
		const rom = [{ t: 4.2, measure: 'shoulder-elevation', side: 'left' as const, degrees: 162.5 }];
		await putWorkout(db, workout({ id: 'n', rangeOfMotion: rom }));
		expect((await getWorkout(db, 'n'))?.rangeOfMotion).toEqual(rom);
	});

	it('refuses a database written by a newer version', async () => {
		const factory = new IDBFactory();
		(await done(factory.open('scapula', DB_VERSION + 1))).close();
		await expect(openScapulaDb({ factory })).rejects.toMatchObject({
			name: 'StorageUnavailableError',
			reason: 'newer-version'
		});
	});

	it('says so when the browser has no IndexedDB', async () => {
		vi.stubGlobal('indexedDB', undefined);
		const err = await openScapulaDb().catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageUnavailableError);
		expect(err).toMatchObject({ reason: 'unsupported' });
	});

	it('closes itself when another tab upgrades, and tells the app', async () => {
		const factory = new IDBFactory();
		const onVersionChange = vi.fn();
		await openScapulaDb({ factory, version: 1, onVersionChange });
		const newer = await openScapulaDb({ factory });
		expect(newer.version).toBe(DB_VERSION);
		expect(onVersionChange).toHaveBeenCalledOnce();
	});
});

describe('reading', () => {
	it('skips and reports a corrupt record instead of failing the whole list', async () => {
		const { db } = await freshDb();
		await putWorkout(db, workout({ id: 'ok1', startedAt: '2025-03-02T09:00:00.000Z' }));
		await putWorkout(db, workout({ id: 'ok2', startedAt: '2025-03-01T09:00:00.000Z' }));
		// Written around our validation, as a buggy build or a devtools edit could.
		await db.put('workouts', { ...workout({ id: 'bad' }), repScores: [50, 'high'] } as never);
		await db.put('postureDays', { date: '2025-03-01', seconds: null, nudges: 0 } as never);

		const { records, skipped } = await listWorkouts(db);
		expect(records.map((w) => w.id)).toEqual(['ok2', 'ok1']);
		expect(skipped).toEqual([
			{
				store: 'workouts',
				key: 'bad',
				field: 'repScores[1]',
				reason: 'must be a number from 0 to 100'
			}
		]);
		expect(await getWorkout(db, 'bad')).toBeNull();
		expect((await listPostureDays(db)).skipped).toMatchObject([
			{ key: '2025-03-01', field: 'seconds' }
		]);
	});

	it('filters workouts by start time and exercise', async () => {
		const { db } = await freshDb();
		await putWorkout(db, workout({ id: 'old', startedAt: '2025-02-01T09:00:00.000Z' }));
		await putWorkout(db, workout({ id: 'new', startedAt: '2025-03-05T09:00:00.000Z' }));
		await putWorkout(
			db,
			workout({ id: 'other', exerciseId: 'neck-roll', startedAt: '2025-03-06T09:00:00.000Z' })
		);
		const since = await listWorkouts(db, { since: '2025-03-01T00:00:00Z' });
		expect(since.records.map((w) => w.id)).toEqual(['new', 'other']);
		const one = await listWorkouts(db, { since: Date.UTC(2025, 2, 1), exerciseId: 'neck-roll' });
		expect(one.records.map((w) => w.id)).toEqual(['other']);
	});

	it('lists routines oldest first', async () => {
		const { db } = await freshDb();
		const r = (id: string, startedAt: string) => ({
			id,
			routineId: 'desk-break',
			name: 'Desk break',
			startedAt,
			endedAt: startedAt,
			items: [{ exerciseId: 'neck-roll', workoutId: null, status: 'skipped' as const }]
		});
		await putRoutine(db, r('2', '2025-03-02T09:00:00.000Z'));
		await putRoutine(db, r('1', '2025-03-01T09:00:00.000Z'));
		expect((await listRoutines(db)).records.map((x) => x.id)).toEqual(['1', '2']);
	});
});

describe('finishAbandonedWorkouts', () => {
	it('ends workouts a closed tab left in progress at their last save, sparing live ones', async () => {
		const { db } = await freshDb();
		const open = (id: string, updatedAt: string) =>
			workout({
				id,
				startedAt: '2025-03-03T09:00:00.000Z',
				endedAt: null,
				updatedAt,
				status: 'in-progress'
			});
		await putWorkout(db, open('stale', '2025-03-03T09:04:00.000Z'));
		await putWorkout(db, open('live', '2025-03-03T09:29:59.000Z'));
		await putWorkout(db, workout({ id: 'done' }));
		const now = Date.parse('2025-03-03T09:30:00Z');

		const finished = await finishAbandonedWorkouts(db, { now });
		expect(finished.map((w) => w.id)).toEqual(['stale']);
		expect(await getWorkout(db, 'stale')).toMatchObject({
			status: 'done',
			endedAt: '2025-03-03T09:04:00.000Z'
		});
		expect((await listInProgressWorkouts(db)).records.map((w) => w.id)).toEqual(['live']);
	});
});

describe('writing', () => {
	it('refuses to store an invalid record', async () => {
		const { db } = await freshDb();
		await expect(putWorkout(db, { ...workout(), reps: -2 })).rejects.toThrow(/reps/);
		expect((await listWorkouts(db)).records).toEqual([]);
	});

	it('maps a quota failure to StorageFullError', async () => {
		const { db } = await freshDb();
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const err = await putWorkout(db, workout()).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageFullError);
		expect((err as StorageFullError).cause).toBeInstanceOf(DOMException);
	});

	it('reports the transaction’s own quota error, not the AbortError its requests get', async () => {
		const { db } = await freshDb();
		const err = await writeTransaction(db, ['workouts'], async (tx) => {
			const put = tx.objectStore('workouts').put(workout({ id: 'lost' }));
			// What a browser does when the origin is over quota: abort the transaction with a
			// QuotaExceededError. (fake-indexeddb's internal abort, the same step the spec names.)
			(unwrap(tx) as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
			await put; // rejects with AbortError
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageFullError);
		expect(await getWorkout(db, 'lost')).toBeNull(); // rolled back
	});

	it('adds posture time to a day without losing concurrent additions', async () => {
		const { db } = await freshDb();
		await Promise.all([
			addPostureTime(db, '2025-03-03', { upright: 60 }),
			addPostureTime(db, '2025-03-03', { slouched: 15, upright: 5 }, 1),
			addPostureTime(db, '2025-03-03', { away: 30 })
		]);
		expect((await listPostureDays(db)).records).toEqual([
			postureDay('2025-03-03', { upright: 65, slouched: 15, away: 30 }, 1)
		]);
		await expect(addPostureTime(db, '2025-03-32', { upright: 1 })).rejects.toThrow();
		await expect(addPostureTime(db, '2025-03-03', { upright: -1 })).rejects.toThrow(RangeError);
		await expect(
			addPostureTime(db, '2025-03-03', {}, 0, { 'forward-head': Number.NaN })
		).rejects.toThrow(RangeError);
	});

	it('adds slouched seconds per cause to a day', async () => {
		const { db } = await freshDb();
		await addPostureTime(db, '2025-03-03', { slouched: 90 }, 0, {
			'forward-head': 60,
			'rounded-shoulders': 20
		});
		await addPostureTime(db, '2025-03-03', { slouched: 10 }, 0, { 'rounded-shoulders': 10 });
		expect((await listPostureDays(db)).records).toEqual([
			postureDay('2025-03-03', { slouched: 100 }, 0, {
				'forward-head': 60,
				'rounded-shoulders': 30
			})
		]);
	});

	it('refuses to add to an unreadable day, keeps it, and says which and why', async () => {
		const { db } = await freshDb();
		const broken = { date: '2025-03-03', seconds: { upright: 'ten' }, nudges: 0 };
		await db.put('postureDays', broken as never);
		const err = await addPostureTime(db, '2025-03-03', { upright: 60 }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(CorruptRecordError);
		expect((err as Error).message).toContain('"2025-03-03"');
		expect((err as Error).message).toContain('seconds.upright');
		expect(await db.get('postureDays', '2025-03-03')).toEqual(broken);
	});

	it('stores settings as JSON and falls back on missing or mistyped ones', async () => {
		const { db } = await freshDb();
		const isNumber = (v: unknown): v is number => typeof v === 'number';
		expect(await getSetting(db, 'volume', 0.5, isNumber)).toBe(0.5);
		await setSetting(db, 'volume', 0.8);
		expect(await getSetting(db, 'volume', 0.5, isNumber)).toBe(0.8);
		await setSetting(db, 'volume', 'loud');
		expect(await getSetting(db, 'volume', 0.5, isNumber)).toBe(0.5);
		await expect(setSetting(db, 'x', { bad: NaN })).rejects.toThrow(/value.bad/);
		expect((await listSettings(db)).records).toEqual([{ key: 'volume', value: 'loud' }]);
	});
});
