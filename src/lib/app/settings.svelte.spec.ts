import { describe, expect, it } from 'vitest';
import { Settings } from './settings.svelte';
import { memoryStorage, type StorageLike } from '../storage/local';

const models = ['movenet-lightning', 'blazepose-lite'];

describe('Settings', () => {
	it('persists and reloads values', () => {
		const storage = memoryStorage();
		const a = new Settings({ storage, models, defaultModel: 'movenet-lightning' });
		a.model = 'blazepose-lite';
		a.backend = 'wasm';
		a.muted = true;
		a.safetyAcknowledged = true;
		const b = new Settings({ storage, models, defaultModel: 'movenet-lightning' });
		expect([b.model, b.backend, b.muted, b.safetyAcknowledged]).toEqual([
			'blazepose-lite',
			'wasm',
			true,
			true
		]);
	});

	it('falls back to defaults for unknown or corrupt values', () => {
		const storage = memoryStorage();
		storage.setItem('scapula:model', '"no-such-model"');
		storage.setItem('scapula:backend', '{oops');
		const s = new Settings({ storage, models, defaultModel: 'movenet-lightning' });
		expect(s.model).toBe('movenet-lightning');
		expect(s.backend).toBe('auto');
		expect(s.safetyAcknowledged).toBe(false);
	});

	it('survives a storage that throws', () => {
		const throwing: StorageLike = {
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {
				throw new Error('full');
			},
			removeItem: () => {}
		};
		const s = new Settings({ storage: throwing, models, defaultModel: 'movenet-lightning' });
		expect(s.backend).toBe('auto');
		s.backend = 'wasm';
		expect(s.backend).toBe('wasm');
	});
});
