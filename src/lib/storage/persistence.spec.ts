import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, storageUse } from './persistence';

describe('requestPersistentStorage', () => {
	it('does not ask again when storage is already persistent', async () => {
		const persist = vi.fn(async () => true);
		expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe(true);
		expect(persist).not.toHaveBeenCalled();
	});
	it('asks, and reports the answer', async () => {
		expect(
			await requestPersistentStorage({ persisted: async () => false, persist: async () => false })
		).toBe(false);
		expect(
			await requestPersistentStorage({ persisted: async () => false, persist: async () => true })
		).toBe(true);
	});
	it('is false where the API is missing or throws', async () => {
		expect(await requestPersistentStorage(undefined)).toBe(false);
		expect(await requestPersistentStorage({})).toBe(false);
		expect(
			await requestPersistentStorage({
				persisted: () => Promise.reject(new DOMException('no', 'SecurityError'))
			})
		).toBe(false);
	});
});

describe('storageUse', () => {
	it('gives usage, quota and their share', async () => {
		expect(await storageUse({ estimate: async () => ({ usage: 250, quota: 1000 }) })).toEqual({
			usage: 250,
			quota: 1000,
			share: 0.25
		});
	});
	it.each([
		['no API', undefined],
		['no estimate', {}],
		['no quota', { estimate: async () => ({ usage: 5 }) }],
		['a zero quota', { estimate: async () => ({ usage: 0, quota: 0 }) }],
		['a failing estimate', { estimate: () => Promise.reject(new Error('x')) }]
	])('is null with %s', async (_n, manager) => {
		expect(await storageUse(manager)).toBeNull();
	});
});
