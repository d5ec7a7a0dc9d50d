import { describe, expect, it } from 'vitest';
import { addPostureTime, EXPORT_FORMAT, putWorkout, type ScapulaDb } from '$lib/storage';
import { freshDb, postureDay, workout } from '$lib/storage/test-helpers';
import { Settings } from '$lib/app/settings.svelte';
import { memoryStorage } from '$lib/storage/local';
import { HistoryStore, PREFERENCES_KEY } from './history.svelte';

const NOW = Date.UTC(2025, 2, 12, 9, 0);

async function setup() {
	const { db } = await freshDb();
	const settings = new Settings({
		storage: memoryStorage(),
		models: ['movenet-lightning', 'blazepose-lite'],
		defaultModel: 'movenet-lightning'
	});
	const store = new HistoryStore({ db: async () => db, settings, now: () => NOW });
	return { db, settings, store };
}

async function seed(db: ScapulaDb) {
	await putWorkout(db, workout({ id: 'a', startedAt: '2025-03-10T08:00:00.000Z', reps: 8 }));
	await putWorkout(
		db,
		workout({ id: 'b', startedAt: '2025-03-11T08:00:00.000Z', reps: 5, repScores: [70, 80] })
	);
	const day = postureDay('2025-03-11', { upright: 100, slouched: 50 }, 2);
	await addPostureTime(db, day.date, day.seconds, day.nudges);
}

describe('HistoryStore', () => {
	it('loads, oldest first, and finishes workouts a closed tab left open long ago', async () => {
		const { db, store } = await setup();
		await seed(db);
		await putWorkout(
			db,
			workout({ id: 'open', startedAt: '2025-03-01T08:00:00.000Z', endedAt: null })
		);
		await store.load();
		expect(store.status).toBe('ready');
		expect(store.workouts.map((w) => w.id)).toEqual(['open', 'a', 'b']);
		expect(store.workouts[0]).toMatchObject({ status: 'done' });
		expect(store.postureDays).toHaveLength(1);
		expect(store.empty).toBe(false);
	});

	it('reports a database that cannot be opened instead of throwing', async () => {
		const store = new HistoryStore({ db: () => Promise.reject(new Error('blocked')) });
		await store.load();
		expect(store.status).toBe('error');
		expect(store.error).toMatch(/blocked/);
	});

	it('exports JSON with the preferences, and CSV tables, named by date', async () => {
		const { db, store, settings } = await setup();
		await seed(db);
		settings.postureSensitivity = 'strict';
		const json = await store.exportJson();
		expect(json.name).toBe('scapula-export-2025-03-12.json');
		const data = JSON.parse(json.text);
		expect(data.format).toBe(EXPORT_FORMAT);
		expect(data.workouts).toHaveLength(2);
		const prefs = data.settings.find((s: { key: string }) => s.key === PREFERENCES_KEY);
		expect(prefs.value.postureSensitivity).toBe('strict');
		const csv = await store.exportCsv('workouts');
		expect(csv.name).toBe('scapula-workouts-2025-03-12.csv');
		expect(csv.text.split('\r\n')).toHaveLength(4); // header, 2 rows, final line end
		expect((await store.exportCsv('posture')).text).toContain('2025-03-11');
	});

	it('round-trips: export, delete everything, import gives the same history and settings', async () => {
		const { db, store, settings } = await setup();
		await seed(db);
		settings.volume = 0.3;
		settings.safetyAcknowledged = true;
		await store.load();
		const before = { w: store.workouts, p: store.postureDays };
		const file = await store.exportJson();

		await store.deleteEverything();
		expect(store.workouts).toEqual([]);
		expect(store.empty).toBe(true);
		expect(settings.volume).toBe(1);
		expect(settings.safetyAcknowledged).toBe(false);

		const outcome = await store.importText(file.text);
		expect(outcome).toEqual({
			ok: true,
			counts: { workouts: 2, routines: 0, postureDays: 1, settings: 1 },
			preferences: true
		});
		expect(store.workouts).toEqual(before.w);
		expect(store.postureDays).toEqual(before.p);
		expect(settings.volume).toBe(0.3);
		// A second export carries the preferences once, not twice (the import stored a copy).
		const again = JSON.parse((await store.exportJson()).text);
		expect(again.settings.filter((s: { key: string }) => s.key === PREFERENCES_KEY)).toHaveLength(
			1
		);
	});

	it.each([
		['not JSON', '{"format": "scapula-export", oops', /not valid JSON/],
		['another app', '{"format": "other"}', /not a Scapula export/],
		[
			'a bad record',
			JSON.stringify({
				format: EXPORT_FORMAT,
				version: 1,
				exportedAt: '2025-03-12T09:00:00.000Z',
				workouts: [workout({ id: 'x', repScores: [50, 900] })],
				routines: [],
				postureDays: [],
				settings: []
			}),
			/workouts\[0\] \("x"\), field repScores\[1\]: must be a number from 0 to 100/
		]
	])('refuses %s with the reason and changes nothing', async (_name, text, reason) => {
		const { db, store, settings } = await setup();
		await seed(db);
		settings.volume = 0.6;
		await store.load();
		const before = store.workouts;
		const outcome = await store.importText(text, 'replace');
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.message).toMatch(reason);
		await store.load();
		expect(store.workouts).toEqual(before);
		expect(settings.volume).toBe(0.6);
	});

	it('merge keeps what is stored; replace makes it exactly the file', async () => {
		const { db, store } = await setup();
		await seed(db);
		const file = JSON.stringify({
			format: EXPORT_FORMAT,
			version: 1,
			exportedAt: '2025-03-12T09:00:00.000Z',
			workouts: [workout({ id: 'c', startedAt: '2025-03-12T07:00:00.000Z' })],
			routines: [],
			postureDays: [],
			settings: []
		});
		await store.importText(file, 'merge');
		expect(store.workouts.map((w) => w.id)).toEqual(['a', 'b', 'c']);
		const outcome = await store.importText(file, 'replace');
		expect(outcome).toMatchObject({ ok: true, preferences: false });
		expect(store.workouts.map((w) => w.id)).toEqual(['c']);
		expect(store.postureDays).toEqual([]);
	});
});
