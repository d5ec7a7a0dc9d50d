import { describe, expect, it } from 'vitest';
import { acceptDose, ACCEPTED_DOSES_KEY, readAcceptedDoses } from './accepted-dose';

const memory = () => {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v)
	};
};

describe('accepted doses', () => {
	it('keeps what was tapped, per exercise', () => {
		const s = memory();
		acceptDose(s, 'wall-angels', { sets: 2, reps: 12 });
		acceptDose(s, 'seated-row', { sets: 3, reps: 15 });
		expect(readAcceptedDoses(s)).toEqual({
			'wall-angels': { sets: 2, reps: 12 },
			'seated-row': { sets: 3, reps: 15 }
		});
	});

	it('drops malformed entries and survives broken JSON', () => {
		const s = memory();
		s.setItem(
			ACCEPTED_DOSES_KEY,
			JSON.stringify({ a: { sets: -1 }, b: { reps: 1.5 }, c: { sets: 2, reps: 12 } })
		);
		expect(readAcceptedDoses(s)).toEqual({ c: { sets: 2, reps: 12 } });
		s.setItem(ACCEPTED_DOSES_KEY, '{oops');
		expect(readAcceptedDoses(s)).toEqual({});
	});
});
