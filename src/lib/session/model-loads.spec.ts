import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
	vi.resetModules();
	return import('./model-loads');
};

/** A promise with its settle functions outside. */
function deferred() {
	let resolve!: () => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('modelLoadsSettled', () => {
	it('resolves at once when no model is loading', async () => {
		const { modelLoadsSettled } = await fresh();
		await expect(modelLoadsSettled()).resolves.toBeUndefined();
	});

	it('waits for every load under way, failed ones included', async () => {
		const { modelLoadsSettled, trackModelLoad } = await fresh();
		const a = deferred();
		const b = deferred();
		trackModelLoad(a.promise);
		trackModelLoad(b.promise);
		let settled = false;
		void modelLoadsSettled().then(() => (settled = true));
		a.resolve();
		await flush();
		expect(settled).toBe(false);
		b.reject(new Error('movenet-lightning.bin: 404'));
		b.promise.catch(() => {});
		await flush();
		expect(settled).toBe(true);
	});
});
