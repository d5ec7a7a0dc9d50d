import { describe, expect, it, vi } from 'vitest';
import type { CoachEvent } from '../engine/types';
import { getWorkout, openScapulaDb, putWorkout, type ScapulaDb } from './db';
import { StorageFullError } from './errors';
import { DEFAULT_FLUSH_MS, WorkoutRecorder, type WorkoutSink } from './recorder';
import type { WorkoutRecord } from './records';
import { freshDb, manualTime } from './test-helpers';

const rep = (t: number, score = 80): CoachEvent => ({
	type: 'rep',
	t,
	count: 0,
	score,
	durationSeconds: 2
});
const cue = (t: number, id = 'elbows'): CoachEvent => ({
	type: 'cue',
	t,
	cue: { id, text: 'Keep your elbows on the wall', t }
});
const holdDone = (t: number, side: 'left' | 'right' | null, seconds: number): CoachEvent => ({
	type: 'hold-complete',
	t,
	seconds,
	side,
	count: 1
});
const progress = (t: number): CoachEvent => ({
	type: 'hold-progress',
	t,
	seconds: 1,
	target: 30,
	side: null
});

/** The database as a sink whose writes the test can wait for. */
function trackedSink(db: ScapulaDb) {
	const writes: Promise<void>[] = [];
	const sink: WorkoutSink = {
		put: (r) => {
			const p = putWorkout(db, r);
			writes.push(p);
			return p;
		},
		delete: (id) => db.delete('workouts', id)
	};
	/**
	 * Waits until no write is pending. A flush calls `put` a few microtasks after the timer fires
	 * (it queues behind the previous write), so yield a macrotask and look again until quiet.
	 */
	const settled = async () => {
		let seen: number;
		do {
			seen = writes.length;
			await new Promise((resolve) => setImmediate(resolve));
			await Promise.allSettled(writes);
		} while (writes.length !== seen);
	};
	return { sink, writes, settled };
}

async function setup() {
	const { db, factory } = await freshDb();
	const time = manualTime();
	const tracked = trackedSink(db);
	let n = 0;
	const options = {
		exerciseId: 'wall-angels',
		now: time.now,
		timers: time.timers,
		newId: () => `w${++n}`
	};
	return { db, factory, time, ...tracked, options };
}

describe('WorkoutRecorder', () => {
	it('creates the record when the session starts', async () => {
		const { db, sink, options } = await setup();
		const rec = await WorkoutRecorder.start(sink, { ...options, routineId: 'desk-break' });
		expect(await getWorkout(db, rec.record.id)).toEqual({
			id: 'w1',
			exerciseId: 'wall-angels',
			routineId: 'desk-break',
			startedAt: '2025-03-03T09:00:00.000Z',
			endedAt: null,
			updatedAt: '2025-03-03T09:00:00.000Z',
			reps: 0,
			holds: [],
			repScores: [],
			cues: [],
			rangeOfMotion: [],
			status: 'in-progress'
		});
		expect(rec.saved).toBe(true);
	});

	it('keeps the range of motion handed in with a frame’s events', async () => {
		const { db, sink, time, options, settled } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		const rom = [
			{ t: 2.1, measure: 'shoulder-elevation' as const, side: 'left' as const, degrees: 161.5 },
			{ t: 2.1, measure: 'shoulder-elevation' as const, side: 'right' as const, degrees: 158 }
		];
		rec.handle([rep(2.1, 92)], rom);
		rec.handle([], [{ t: 3, measure: 'elbow-angle', side: 'left', degrees: NaN }]);
		await time.advance(DEFAULT_FLUSH_MS);
		await settled();
		expect((await getWorkout(db, rec.record.id))?.rangeOfMotion).toEqual(rom);
	});

	it('appends reps, holds and cues, and writes them within the flush interval', async () => {
		const { db, sink, time, options, settled } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		rec.handle([rep(2.1, 92), cue(2.5)]);
		rec.handle([progress(3)]);
		rec.handle([holdDone(40, 'left', 30.04), rep(41, 120)]);
		expect(rec.saved).toBe(false);
		expect((await getWorkout(db, 'w1'))?.reps).toBe(0);

		time.advance(DEFAULT_FLUSH_MS);
		await settled();
		expect(await getWorkout(db, 'w1')).toMatchObject({
			reps: 2,
			repScores: [92, 100], // clamped to the 0–100 scale
			holds: [{ side: 'left', seconds: 30 }],
			cues: [{ t: 2.5, id: 'elbows', text: 'Keep your elbows on the wall' }],
			status: 'in-progress'
		});
		expect(rec.saved).toBe(true);
	});

	it('is saved only once a write has committed', async () => {
		const { sink, options } = await setup();
		const rec = new WorkoutRecorder(sink, options);
		expect(rec.saved).toBe(false); // the first write is under way
		await rec.flush();
		expect(rec.saved).toBe(true);
		rec.handle([rep(1)]);
		const writing = rec.flush();
		expect(rec.saved).toBe(false);
		await writing;
		expect(rec.saved).toBe(true);
	});

	it('keeps writing while events never stop (throttle, not debounce)', async () => {
		const { db, sink, time, options, settled } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		// A rep every 100 ms for 5 s: a debounce would wait for a pause that never comes.
		for (let i = 1; i <= 50; i++) {
			time.advance(100);
			rec.handle([rep(i / 10)]);
			await settled();
			const stored = (await getWorkout(db, 'w1'))?.reps ?? 0;
			// The oldest rep not yet stored (rep stored + 1, made at its number × 100 ms) is never
			// older than the flush interval.
			const oldestUnsavedAgeMs = i > stored ? (i - (stored + 1)) * 100 : 0;
			expect(oldestUnsavedAgeMs).toBeLessThanOrEqual(DEFAULT_FLUSH_MS);
		}
	});

	it('loses at most about a second when the tab closes mid-session', async () => {
		const { factory, sink, time, options, settled } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		for (let i = 1; i <= 20; i++) {
			time.advance(250);
			rec.handle(i % 4 === 0 ? [rep(i / 4)] : []);
		}
		await settled();
		// The tab closes here: no finish(), no flush(). A new page opens the database.
		const reopened = await openScapulaDb({ factory });
		const stored = (await getWorkout(reopened, 'w1')) as WorkoutRecord;
		const inMemory = rec.record;
		expect(stored.status).toBe('in-progress');
		expect(inMemory.reps - stored.reps).toBeLessThanOrEqual(1);
		const lostMs = Date.parse(inMemory.updatedAt) - Date.parse(stored.updatedAt);
		expect(lostMs).toBeLessThanOrEqual(1000);
	});

	it('finishes: status done, end time set, saved at once', async () => {
		const { db, sink, time, options } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		time.advance(60_000);
		rec.handle([rep(59)]);
		time.advance(1_000);
		const done = await rec.finish();
		expect(done).toMatchObject({
			status: 'done',
			reps: 1,
			endedAt: '2025-03-03T09:01:01.000Z',
			updatedAt: '2025-03-03T09:01:01.000Z'
		});
		expect(await getWorkout(db, 'w1')).toEqual(done);
		expect(time.pending()).toBe(0);
		expect(rec.handle([rep(70)])).toBe(false); // a late frame changes nothing
		expect(rec.record.reps).toBe(1);
	});

	it('keeps the session in memory when the disk is full, reports it, and saves once it can', async () => {
		const { db, sink, time, options } = await setup();
		const onError = vi.fn();
		let full = false;
		const flaky: WorkoutSink = {
			put: (r) =>
				full
					? Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))
					: sink.put(r),
			delete: sink.delete
		};
		const rec = await WorkoutRecorder.start(flaky, { ...options, onError });
		full = true;
		rec.handle([rep(1, 70)]);
		await expect(rec.flush()).rejects.toBeInstanceOf(StorageFullError);
		rec.handle([rep(2, 75)]);
		time.advance(DEFAULT_FLUSH_MS); // the background retry fails too, quietly
		await expect(rec.finish()).rejects.toBeInstanceOf(StorageFullError);

		expect(rec.error).toBeInstanceOf(StorageFullError);
		expect(onError).toHaveBeenCalledOnce(); // once per run of failures, not per retry
		expect(rec.record).toMatchObject({ reps: 2, repScores: [70, 75], status: 'done' });
		expect(rec.saved).toBe(false);
		expect((await getWorkout(db, 'w1'))?.reps).toBe(0);

		full = false; // the person freed some space
		const done = await rec.finish();
		expect(rec.error).toBeNull();
		expect(await getWorkout(db, 'w1')).toEqual(done);
		expect(done).toMatchObject({ reps: 2, status: 'done' });
	});

	it('reports a failed first write but still returns a working recorder', async () => {
		const onError = vi.fn();
		const time = manualTime();
		const full: WorkoutSink = {
			put: () => Promise.reject(new DOMException('Quota', 'QuotaExceededError')),
			delete: () => Promise.resolve()
		};
		const rec = await WorkoutRecorder.start(full, {
			exerciseId: 'wall-angels',
			now: time.now,
			timers: time.timers,
			onError
		});
		expect(rec.error).toBeInstanceOf(StorageFullError);
		expect(onError).toHaveBeenCalledWith(expect.any(StorageFullError));
		rec.handle([rep(1)]);
		expect(rec.record.reps).toBe(1);
	});

	it('writes straight to a ScapulaDb too', async () => {
		const { db } = await freshDb();
		const time = manualTime();
		const rec = await WorkoutRecorder.start(db, {
			exerciseId: 'neck-roll',
			now: time.now,
			timers: time.timers
		});
		rec.handle([holdDone(5, null, 20)]);
		await rec.finish();
		expect(await getWorkout(db, rec.record.id)).toMatchObject({
			exerciseId: 'neck-roll',
			holds: [{ side: null, seconds: 20 }],
			status: 'done'
		});
	});

	it('discards a cancelled workout', async () => {
		const { db, sink, time, options } = await setup();
		const rec = await WorkoutRecorder.start(sink, options);
		rec.handle([rep(1)]);
		await rec.discard();
		time.advance(5_000);
		expect(await getWorkout(db, 'w1')).toBeNull();
		expect(await db.count('workouts')).toBe(0);
	});
});
