import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from './worker-protocol';
import type { WorkerLoad } from './worker-spawn';

/** A stand-in for the browser's Worker: records what it is sent, answers a load when told. */
class FakeWorker {
	static made: FakeWorker[] = [];
	onmessage: ((e: { data: unknown }) => void) | null = null;
	onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
	sent: ToWorker[] = [];
	terminated = false;
	constructor() {
		FakeWorker.made.push(this);
	}
	postMessage(m: ToWorker) {
		this.sent.push(m);
	}
	terminate() {
		this.terminated = true;
	}
	answerLoaded() {
		this.onmessage?.({ data: { type: 'loaded', backend: 'wasm', minPersonScore: 0.2 } });
	}
}

const LIGHTNING: WorkerLoad = {
	model: 'movenet-lightning',
	backend: 'wasm',
	modelBaseUrl: 'http://app/models/',
	wasmPaths: 'http://app/vendor/tfjs-wasm/'
};

/** A fresh copy of the module: its early worker and claim are per page. */
const freshModule = async () => {
	vi.resetModules();
	return import('./worker-spawn');
};

beforeEach(() => {
	FakeWorker.made = [];
	vi.stubGlobal('Worker', FakeWorker);
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('spawnPoseWorker', () => {
	it('asks the new worker to load the model, and resolves with its answer', async () => {
		const { spawnPoseWorker } = await freshModule();
		const spawned = spawnPoseWorker(LIGHTNING);
		expect(FakeWorker.made).toHaveLength(1);
		expect(FakeWorker.made[0]!.sent).toEqual([{ type: 'load', ...LIGHTNING }]);
		FakeWorker.made[0]!.answerLoaded();
		await expect(spawned.loaded).resolves.toMatchObject({ minPersonScore: 0.2 });
	});

	it('ends the worker and rejects with its error when the load fails', async () => {
		const { spawnPoseWorker } = await freshModule();
		const spawned = spawnPoseWorker(LIGHTNING);
		const w = FakeWorker.made[0]!;
		w.onmessage?.({
			data: {
				type: 'load-failed',
				error: { name: 'ModelLoadError', kind: 'missing', message: 'movenet-lightning.bin: 404' }
			}
		});
		await expect(spawned.loaded).rejects.toThrow('movenet-lightning.bin: 404');
		expect(w.terminated).toBe(true);
	});
});

describe('an early start', () => {
	it('is adopted by the first claim for the same load: one worker, loading once', async () => {
		const { claimPoseWorker, startPoseWorkerEarly } = await freshModule();
		startPoseWorkerEarly(LIGHTNING);
		const early = FakeWorker.made[0]!;
		const claimed = claimPoseWorker({ ...LIGHTNING });
		expect(FakeWorker.made).toHaveLength(1);
		expect(claimed.worker).toBe(early);
		expect(early.sent.filter((m) => m.type === 'load')).toHaveLength(1);
		// Adopted: it is not ended when the wait for a claim would have run out.
		vi.advanceTimersByTime(60_000);
		expect(early.terminated).toBe(false);
	});

	it('is stopped, and a new worker started, when the claim asks for another model', async () => {
		const { claimPoseWorker, startPoseWorkerEarly } = await freshModule();
		startPoseWorkerEarly(LIGHTNING);
		const claimed = claimPoseWorker({ ...LIGHTNING, model: 'movenet-thunder' });
		expect(FakeWorker.made).toHaveLength(2);
		expect(FakeWorker.made[0]!.terminated).toBe(true);
		expect(claimed.worker).toBe(FakeWorker.made[1]);
		expect(FakeWorker.made[1]!.sent[0]).toMatchObject({ model: 'movenet-thunder' });
	});

	it('ends on its own when no page claims it within 30 s', async () => {
		const { startPoseWorkerEarly } = await freshModule();
		startPoseWorkerEarly(LIGHTNING);
		vi.advanceTimersByTime(29_000);
		expect(FakeWorker.made[0]!.terminated).toBe(false);
		vi.advanceTimersByTime(2_000);
		expect(FakeWorker.made[0]!.terminated).toBe(true);
	});

	it('does not start once the page has claimed its worker (it would be a second one)', async () => {
		const { claimPoseWorker, startPoseWorkerEarly } = await freshModule();
		claimPoseWorker(LIGHTNING);
		startPoseWorkerEarly(LIGHTNING);
		expect(FakeWorker.made).toHaveLength(1);
	});

	it('starts once: a second early start is ignored', async () => {
		const { startPoseWorkerEarly } = await freshModule();
		startPoseWorkerEarly(LIGHTNING);
		startPoseWorkerEarly(LIGHTNING);
		expect(FakeWorker.made).toHaveLength(1);
	});
});
