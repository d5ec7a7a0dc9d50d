import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '$lib/storage/local';
import { workoutIdOf } from './early-model';

/** Counts the workers started, and what each was asked to load. */
class CountingWorker {
	static loads: unknown[] = [];
	onmessage = null;
	onerror = null;
	postMessage(m: unknown) {
		CountingWorker.loads.push(m);
	}
	terminate() {}
}

/** localStorage as a returning user left it: the note read, the wasm backend remembered. */
function returningUser(overrides: Record<string, unknown> = {}) {
	const values: Record<string, unknown> = {
		'scapula:safety-acknowledged': true,
		'scapula:auto-backend': { 'movenet-lightning': 'wasm' },
		...overrides
	};
	const storage = memoryStorage();
	for (const [k, v] of Object.entries(values)) {
		if (v !== undefined) storage.setItem(k, JSON.stringify(v));
	}
	return storage;
}

/** Runs the early start on a fresh page (fresh modules: settings and the early worker). */
async function openPage(path: string, search = '', storage = returningUser()) {
	vi.stubGlobal('localStorage', storage);
	vi.resetModules();
	const { startModelEarly } = await import('./early-model');
	await startModelEarly({ pathname: path, search });
	return CountingWorker.loads;
}

beforeEach(() => {
	CountingWorker.loads = [];
	vi.stubGlobal('Worker', CountingWorker);
	vi.stubGlobal('location', { href: 'http://app/' });
});
afterEach(() => vi.unstubAllGlobals());

describe('workoutIdOf', () => {
	it('reads the exercise of a workout path, and nothing else', () => {
		expect(workoutIdOf('/workout/wall-angels')).toBe('wall-angels');
		expect(workoutIdOf('/workout/wall-angels/')).toBe('wall-angels');
		expect(workoutIdOf('/posture')).toBeNull();
		expect(workoutIdOf('/workout/')).toBeNull();
		expect(workoutIdOf('/workout/a/b')).toBeNull();
	});
});

describe('startModelEarly', () => {
	it("starts the worker loading a returning user's model on a camera workout", async () => {
		const loads = await openPage('/workout/wall-angels');
		expect(loads).toEqual([
			{
				type: 'load',
				model: 'movenet-lightning',
				backend: 'wasm',
				modelBaseUrl: 'http://app/models/',
				wasmPaths: 'http://app/vendor/tfjs-wasm/'
			}
		]);
	});

	it('starts nothing where the page would not load that model at once', async () => {
		// A move the camera does not judge runs as a timer: no model.
		expect(await openPage('/workout/neck-roll')).toEqual([]);
		// Not a workout page.
		expect(await openPage('/history')).toEqual([]);
		// The safety note not yet read: the page waits for it too.
		expect(
			await openPage(
				'/workout/wall-angels',
				'',
				returningUser({ 'scapula:safety-acknowledged': undefined })
			)
		).toEqual([]);
		// The model asked to run on the page.
		expect(await openPage('/workout/wall-angels', '?inference=main')).toEqual([]);
		// "Automatic" with nothing remembered: the page first asks which backends are worth timing.
		expect(
			await openPage(
				'/workout/wall-angels',
				'',
				returningUser({ 'scapula:auto-backend': undefined })
			)
		).toEqual([]);
		// A GPU backend remembered: it runs on the page.
		expect(
			await openPage(
				'/workout/wall-angels',
				'',
				returningUser({ 'scapula:auto-backend': { 'movenet-lightning': 'webgl' } })
			)
		).toEqual([]);
	});

	it('loads the model chosen in Settings', async () => {
		const loads = await openPage(
			'/workout/shoulder-shrug',
			'',
			returningUser({ 'scapula:model': 'movenet-thunder', 'scapula:backend': 'wasm' })
		);
		expect(loads).toEqual([expect.objectContaining({ model: 'movenet-thunder', backend: 'wasm' })]);
	});
});
