import { describe, expect, it } from 'vitest';
import { EstimatorSlot } from './estimator-slot.svelte';
import type { EstimatorLike, LoadedEstimator } from './types';

function fakeEstimator(): EstimatorLike & { disposed: number } {
	return {
		disposed: 0,
		estimate: async () => [],
		reset() {},
		dispose() {
			this.disposed++;
		}
	};
}

/** A load the test resolves or rejects by hand. */
function deferredLoads() {
	const pending: Array<{ resolve(l: LoadedEstimator): void; reject(e: unknown): void }> = [];
	const load = () =>
		new Promise<LoadedEstimator>((resolve, reject) => pending.push({ resolve, reject }));
	return { pending, load };
}

describe('EstimatorSlot', () => {
	it('loads once for any number of callers, then reports the backend and the load time', async () => {
		const { pending, load } = deferredLoads();
		let clock = 1000;
		const loaded: number[] = [];
		const slot = new EstimatorSlot(load, { loaded: (_, ms) => loaded.push(ms) }, () => clock);
		const a = slot.ensure();
		const b = slot.ensure();
		expect(pending).toHaveLength(1);
		expect(slot.status).toBe('loading');
		const est = fakeEstimator();
		clock = 1750;
		pending[0]!.resolve({ estimator: est, backend: 'wasm' });
		expect(await a).toBe(est);
		expect(await b).toBe(est);
		expect([slot.status, slot.backend, slot.current]).toEqual(['ready', 'wasm', est]);
		expect(loaded).toEqual([750]);
	});

	it('disposes a load that lands after the slot was emptied, and never uses it', async () => {
		const { pending, load } = deferredLoads();
		const slot = new EstimatorSlot(load, {}, () => 0);
		const first = slot.ensure();
		slot.dispose();
		const late = fakeEstimator();
		pending[0]!.resolve({ estimator: late, backend: 'webgl' });
		expect(await first).toBeNull();
		expect(late.disposed).toBe(1);
		expect([slot.current, slot.status, slot.backend]).toEqual([null, 'idle', null]);
	});

	it('a failed load leaves the slot empty with status error, and a retry loads again', async () => {
		const { pending, load } = deferredLoads();
		const errors: unknown[] = [];
		const slot = new EstimatorSlot(load, { failed: (e) => errors.push(e) }, () => 0);
		const first = slot.ensure();
		pending[0]!.reject(new Error('404'));
		expect(await first).toBeNull();
		expect(slot.status).toBe('error');
		expect(errors).toHaveLength(1);
		slot.dispose();
		expect(slot.status).toBe('error');
		const retry = slot.ensure();
		expect(pending).toHaveLength(2);
		pending[1]!.resolve({ estimator: fakeEstimator(), backend: 'wasm' });
		expect(await retry).not.toBeNull();
		expect(slot.status).toBe('ready');
	});
});
