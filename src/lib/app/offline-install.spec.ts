import { describe, expect, it, vi } from 'vitest';
import {
	MODEL_START_GRACE_MS,
	registerOfflineWorker,
	type OfflineInstallDeps
} from './offline-install';

/** Deps that log each step, with the page load and the model loads settled by the test. */
function steps() {
	const log: string[] = [];
	let loaded!: () => void;
	let modelsDone!: () => void;
	const deps: OfflineInstallDeps = {
		container: {
			register: vi.fn(async (url: string | URL) => {
				log.push(`register ${String(url)}`);
				return {} as ServiceWorkerRegistration;
			})
		},
		pageLoaded: () => new Promise((r) => (loaded = () => (log.push('loaded'), r()))),
		sleep: async (ms) => void log.push(`sleep ${ms}`),
		modelLoadsSettled: () => new Promise((r) => (modelsDone = () => (log.push('models'), r())))
	};
	return { log, deps, load: () => loaded(), finishModels: () => modelsDone() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('registerOfflineWorker', () => {
	it('registers only after the page has loaded, a grace for its model, and its model loads', async () => {
		const s = steps();
		const done = registerOfflineWorker('/service-worker.js', { type: 'classic' }, s.deps);
		await flush();
		expect(s.log).toEqual([]);
		s.load();
		await flush();
		expect(s.log).toEqual(['loaded', `sleep ${MODEL_START_GRACE_MS}`]);
		s.finishModels();
		await done;
		expect(s.log).toEqual([
			'loaded',
			`sleep ${MODEL_START_GRACE_MS}`,
			'models',
			'register /service-worker.js'
		]);
	});

	it('does nothing where the browser has no service workers', async () => {
		const s = steps();
		await registerOfflineWorker('/service-worker.js', {}, { ...s.deps, container: undefined });
		expect(s.log).toEqual([]);
	});

	it('a failed registration is a warning, not an error: the app works online as before', async () => {
		const s = steps();
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const deps: OfflineInstallDeps = {
			...s.deps,
			pageLoaded: async () => {},
			modelLoadsSettled: async () => {},
			container: { register: () => Promise.reject(new Error('SecurityError')) }
		};
		await expect(registerOfflineWorker('/service-worker.js', {}, deps)).resolves.toBeUndefined();
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});
});
