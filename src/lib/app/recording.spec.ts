import { describe, expect, it, vi } from 'vitest';
import type { CoachEvent } from '$lib/engine/types';
import { listWorkouts, type ScapulaDb } from '$lib/storage';
import { freshDb, manualTime } from '$lib/storage/test-helpers';
import { MIN_EMPTY_WORKOUT_MS, recordWorkout, type PageLifecycle } from './recording';

const rep = (t: number, score = 80): CoachEvent => ({
	type: 'rep',
	t,
	count: 1,
	score,
	durationSeconds: 2
});

/** A page whose pagehide / visibilitychange the test fires by hand. */
function fakePage() {
	const pagehide = new Set<() => void>();
	const visibility = new Set<() => void>();
	let hidden = false;
	const lifecycle: PageLifecycle = {
		addEventListener: (_t, l) => void pagehide.add(l),
		removeEventListener: (_t, l) => void pagehide.delete(l),
		hidden: () => hidden,
		onVisibilityChange(l) {
			visibility.add(l);
			return () => visibility.delete(l);
		}
	};
	return {
		lifecycle,
		listeners: () => pagehide.size + visibility.size,
		hide() {
			hidden = true;
			for (const l of visibility) l();
		},
		pagehide: () => [...pagehide].forEach((l) => l())
	};
}

/** Waits for queued IndexedDB work (fake-indexeddb settles on macrotasks). */
const settle = async () => {
	for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

async function setup() {
	const { db } = await freshDb();
	const time = manualTime();
	const page = fakePage();
	const finished = vi.fn();
	const start = (exerciseId = 'overhead-arm-reach') =>
		recordWorkout(exerciseId, {
			db: async () => db as ScapulaDb,
			now: time.now,
			timers: time.timers,
			lifecycle: page.lifecycle,
			onFinished: finished
		});
	const stored = async () => (await listWorkouts(db)).records;
	return { db, time, page, finished, start, stored };
}

describe('recordWorkout', () => {
	it('saves the workout as it goes and finishes it', async () => {
		const t = await setup();
		const r = t.start();
		r.handle([rep(1, 90)]);
		await settle();
		expect((await t.stored())[0]).toMatchObject({ status: 'in-progress', reps: 0 });
		t.time.advance(1000); // the throttled write
		await settle();
		expect((await t.stored())[0]).toMatchObject({ reps: 1, repScores: [90] });
		await r.end();
		const [w] = await t.stored();
		expect(w).toMatchObject({ status: 'done', reps: 1 });
		expect(t.finished).toHaveBeenCalledOnce();
		expect(t.page.listeners()).toBe(0);
	});

	it('writes at once when the page is hidden or closed, not a throttle later', async () => {
		const t = await setup();
		const r = t.start();
		await settle();
		r.handle([rep(1)]);
		t.page.hide();
		await settle();
		expect((await t.stored())[0]?.reps).toBe(1);
		r.handle([rep(2)]);
		t.page.pagehide();
		await settle();
		expect((await t.stored())[0]?.reps).toBe(2);
	});

	it('drops a short session that counted nothing', async () => {
		const t = await setup();
		const r = t.start();
		r.handle([]);
		t.time.advance(MIN_EMPTY_WORKOUT_MS - 1000);
		await r.end();
		await settle();
		expect(await t.stored()).toEqual([]);
		expect(t.finished).not.toHaveBeenCalled();
	});

	it('keeps a long session even when nothing was counted (its minutes count)', async () => {
		const t = await setup();
		const r = t.start();
		t.time.advance(MIN_EMPTY_WORKOUT_MS + 1000);
		await r.end();
		expect(await t.stored()).toHaveLength(1);
	});

	it('ends once, however often end() is called', async () => {
		const t = await setup();
		const r = t.start();
		r.handle([rep(1)]);
		await Promise.all([r.end(), r.end()]);
		expect(t.finished).toHaveBeenCalledOnce();
	});

	it('keeps the session going when the database cannot be opened', async () => {
		const onError = vi.fn();
		const r = recordWorkout('overhead-arm-reach', {
			db: () => Promise.reject(new Error('no IndexedDB')),
			lifecycle: null,
			onError
		});
		r.handle([rep(1)]);
		await expect(r.end()).rejects.toThrow('no IndexedDB');
		expect(onError).toHaveBeenCalled();
		expect(r.recorder.record.reps).toBe(1);
	});
});
