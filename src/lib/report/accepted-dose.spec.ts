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
			JSON.stringify({
				'wall-angels': { sets: -1 },
				'seated-row': { reps: 1.5 },
				'shoulder-shrug': { sets: 2, reps: 12 }
			})
		);
		expect(readAcceptedDoses(s)).toEqual({ 'shoulder-shrug': { sets: 2, reps: 12 } });
		s.setItem(ACCEPTED_DOSES_KEY, '{oops');
		expect(readAcceptedDoses(s)).toEqual({});
	});

	it('holds a stored dose to the sources’ ceiling, and drops one no offer could have given', () => {
		const s = memory();
		s.setItem(
			ACCEPTED_DOSES_KEY,
			JSON.stringify({
				// Sources: 2–3 sets of 12–15.
				'seated-row': { sets: 5, reps: 40 },
				// Sources: 15–30 s.
				'thoracic-extension-seated': { sets: 3, holdSeconds: 90 },
				// No range in its sources: never stepped up.
				'neck-flexion-extension': { sets: 2, reps: 12 }
			})
		);
		expect(readAcceptedDoses(s)).toEqual({
			'seated-row': { sets: 3, reps: 15 },
			'thoracic-extension-seated': { sets: 3, holdSeconds: 30 }
		});
	});
});
