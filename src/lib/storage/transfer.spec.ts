import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	addPostureTime,
	listWorkouts,
	putRoutine,
	putWorkout,
	setSetting,
	type ScapulaDb
} from './db';
import { ImportError, StorageFullError } from './errors';
import type { RoutineRecord } from './records';
import { freshDb, postureDay, workout } from './test-helpers';
import {
	deleteAll,
	exportAll,
	importAll,
	postureDaysCsv,
	validateExport,
	workoutsCsv,
	type ScapulaExport
} from './transfer';

afterEach(() => vi.restoreAllMocks());

const NOW = () => Date.UTC(2025, 2, 10, 12);

const routine: RoutineRecord = {
	id: 'r1',
	routineId: 'desk-break',
	name: 'Desk break',
	startedAt: '2025-03-03T09:00:00.000Z',
	endedAt: '2025-03-03T09:12:00.000Z',
	items: [
		{ exerciseId: 'wall-angels', workoutId: 'w1', status: 'done' },
		{ exerciseId: 'neck-roll', workoutId: null, status: 'skipped' }
	]
};

async function seeded(): Promise<ScapulaDb> {
	const { db } = await freshDb();
	await putWorkout(
		db,
		workout({
			id: 'w1',
			routineId: 'desk-break',
			reps: 2,
			repScores: [88, 91],
			cues: [{ t: 4, id: 'elbows', text: 'Elbows, "on" the wall, please' }]
		})
	);
	await putWorkout(
		db,
		workout({
			id: 'w2',
			exerciseId: 'doorway-stretch',
			startedAt: '2025-03-04T09:00:00.000Z',
			holds: [{ side: 'right', seconds: 30 }]
		})
	);
	await putRoutine(db, routine);
	await addPostureTime(db, '2025-03-03', { upright: 600, slouched: 200 }, 3);
	await setSetting(db, 'voice', { on: true, rate: 1.1 });
	return db;
}

const snapshot = (db: ScapulaDb) => exportAll(db, { now: NOW });

describe('exportAll', () => {
	it('exports every store as one versioned JSON object', async () => {
		const db = await seeded();
		const data = await snapshot(db);
		expect(data).toMatchObject({
			format: 'scapula-export',
			version: 1,
			exportedAt: '2025-03-10T12:00:00.000Z',
			routines: [routine],
			postureDays: [postureDay('2025-03-03', { upright: 600, slouched: 200 }, 3)],
			settings: [{ key: 'voice', value: { on: true, rate: 1.1 } }]
		});
		expect(data.workouts.map((w) => w.id)).toEqual(['w1', 'w2']);
		// It survives JSON as it is.
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});

	it('leaves out corrupt records and reports them', async () => {
		const db = await seeded();
		await db.put('workouts', { id: 'broken', exerciseId: 'x' } as never);
		const onSkipped = vi.fn();
		const data = await exportAll(db, { now: NOW, onSkipped });
		expect(data.workouts.map((w) => w.id)).toEqual(['w1', 'w2']);
		expect(onSkipped).toHaveBeenCalledWith([
			expect.objectContaining({ store: 'workouts', key: 'broken', field: 'startedAt' })
		]);
	});
});

describe('importAll', () => {
	it('round-trips an export into an empty database', async () => {
		const data = await snapshot(await seeded());
		const { db } = await freshDb();
		const counts = await importAll(db, JSON.stringify(data));
		expect(counts).toEqual({ workouts: 2, routines: 1, postureDays: 1, settings: 1 });
		expect(await snapshot(db)).toEqual(data);
	});

	it('merges by key, or replaces everything', async () => {
		const db = await seeded();
		const file: ScapulaExport = {
			...(await snapshot(db)),
			workouts: [workout({ id: 'w1', reps: 9 }), workout({ id: 'w3' })],
			routines: [],
			postureDays: [],
			settings: []
		};
		await importAll(db, file);
		let after = await snapshot(db);
		expect(after.workouts.map((w) => [w.id, w.reps])).toEqual([
			['w1', 9],
			['w3', 0],
			['w2', 0]
		]);
		expect(after.routines).toHaveLength(1);

		await importAll(db, file, { mode: 'replace' });
		after = await snapshot(db);
		expect(after.workouts.map((w) => w.id)).toEqual(['w1', 'w3']);
		expect(after.routines).toEqual([]);
		expect(after.settings).toEqual([]);
	});

	const good = async () => snapshot(await seeded());
	type Case = [string, (d: ScapulaExport) => unknown, string | RegExp];
	const cases: Case[] = [
		['text that is not JSON', () => '{"format": ', /not valid JSON/],
		['an array', () => [], /JSON object, not an array/],
		[
			'another format',
			(d) => ({ ...d, format: 'other-app' }),
			/^format: This is not a Scapula export/
		],
		['a newer version', (d) => ({ ...d, version: 2 }), /^version: .*newer Scapula/],
		['a version that is no number', (d) => ({ ...d, version: '1' }), /^version: /],
		['a bad exportedAt', (d) => ({ ...d, exportedAt: 'yesterday' }), /^exportedAt: /],
		['a missing store', (d) => ({ ...d, settings: undefined }), /^settings: must be an array/],
		[
			'a bad field in the second workout',
			(d) => ({ ...d, workouts: [d.workouts[0], { ...d.workouts[1], repScores: [50, -3] }] }),
			'workouts[1] ("w2"), field repScores[1]: must be a number from 0 to 100'
		],
		[
			'a routine item of the wrong kind',
			(d) => ({ ...d, routines: [{ ...d.routines[0], items: [null] }] }),
			'routines[0] ("r1"), field items[0]: must be an object'
		],
		[
			'a posture day with an impossible date',
			(d) => ({ ...d, postureDays: [{ ...d.postureDays[0], date: '2025-02-30' }] }),
			'postureDays[0] ("2025-02-30"), field date: must be a date like 2024-05-01'
		],
		[
			'a setting that is not JSON data',
			(d) => ({ ...d, settings: [{ key: 'k', value: { n: Infinity } }] }),
			'settings[0] ("k"), field value.n: must be a finite number'
		],
		[
			'a record that is not an object',
			(d) => ({ ...d, workouts: [...d.workouts, 42] }),
			'workouts[2], field (record): must be an object'
		],
		[
			'two workouts with one id',
			(d) => ({ ...d, workouts: [d.workouts[0], d.workouts[1], { ...d.workouts[1], reps: 4 }] }),
			'workouts[2] ("w2"), field id: the same id as workouts[1]'
		]
	];

	it.each(cases)('refuses %s, says why, and changes nothing', async (_name, corrupt, message) => {
		const db = await seeded();
		const before = await snapshot(db);
		const err = await importAll(db, corrupt(await good()), { mode: 'replace' }).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(ImportError);
		if (typeof message === 'string') expect((err as Error).message).toBe(message);
		else expect((err as Error).message).toMatch(message);
		expect(await snapshot(db)).toEqual(before);
	});

	it('names the bad record and field in structured form for the UI', () => {
		return good().then((d) => {
			const file = { ...d, workouts: [d.workouts[0], { ...d.workouts[1], status: 'paused' }] };
			const err = (() => {
				try {
					validateExport(file);
				} catch (e) {
					return e as ImportError;
				}
			})();
			expect(err?.record).toEqual({ store: 'workouts', index: 1, key: 'w2', field: 'status' });
			expect(err?.path).toBe('workouts[1].status');
		});
	});

	it('rolls back everything when the disk fills half way through', async () => {
		const db = await seeded();
		const before = await snapshot(db);
		const file = {
			...before,
			workouts: [workout({ id: 'n1' }), workout({ id: 'n2' }), workout({ id: 'n3' })]
		};
		const realPut = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (++calls === 3) throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return realPut.apply(this, args);
		});
		const err = await importAll(db, file, { mode: 'replace' }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageFullError);
		vi.restoreAllMocks();
		expect(await snapshot(db)).toEqual(before);
	});
});

describe('deleteAll', () => {
	it('empties every store', async () => {
		const db = await seeded();
		await deleteAll(db);
		const after = await snapshot(db);
		expect([after.workouts, after.routines, after.postureDays, after.settings]).toEqual([
			[],
			[],
			[],
			[]
		]);
		expect((await listWorkouts(db)).skipped).toEqual([]);
	});
});

describe('CSV tables', () => {
	it('writes one quoted, formula-safe row per workout', async () => {
		const db = await seeded();
		await putWorkout(
			db,
			workout({
				id: 'w0',
				exerciseId: '=cmd',
				startedAt: '2025-03-02T07:30:00.000Z',
				endedAt: null,
				updatedAt: '2025-03-02T07:34:30.000Z',
				status: 'in-progress'
			})
		);
		const { workouts } = await snapshot(db);
		const lines = workoutsCsv(workouts, 'America/Los_Angeles').split('\r\n');
		expect(lines).toEqual([
			'id,exerciseId,routineId,status,startedAt,endedAt,localDate,minutes,reps,holds,holdSeconds,meanRepScore,cues',
			"w0,'=cmd,,in-progress,2025-03-02T07:30:00.000Z,,2025-03-01,4.5,0,0,0,,0",
			'w1,wall-angels,desk-break,done,2025-03-03T09:00:00.000Z,2025-03-03T09:05:00.000Z,2025-03-03,5,2,0,0,89.5,1',
			'w2,doorway-stretch,,done,2025-03-04T09:00:00.000Z,2025-03-04T09:05:00.000Z,2025-03-04,5,0,1,30,,0',
			''
		]);
	});

	it('writes one row per posture day with the slouched share and its causes', () => {
		const csv = postureDaysCsv([
			postureDay('2025-03-04', { away: 60 }),
			postureDay('2025-03-03', { upright: 600, slouched: 200, unknown: 12.34 }, 3, {
				'forward-head': 120.04,
				'rounded-shoulders': 50
			})
		]);
		expect(csv).toBe(
			'date,uprightSeconds,slouchedSeconds,awaySeconds,unknownSeconds,nudges,slouchedShare,' +
				'forwardHeadSeconds,roundedShouldersSeconds\r\n' +
				'2025-03-03,600,200,0,12.3,3,0.25,120,50\r\n' +
				'2025-03-04,0,0,60,0,0,,0,0\r\n'
		);
	});
});
