import { describe, expect, it } from 'vitest';
import { offerProgression } from './progression';
import type { SessionRow } from './report';

const session = (o: Partial<SessionRow> = {}): SessionRow => ({
	id: 's',
	date: '2025-03-03',
	startedAt: '2025-03-03T09:00:00.000Z',
	reps: 20,
	targetReps: 20,
	holdSeconds: 0,
	targetHoldSeconds: null,
	doseMet: true,
	formScore: 90,
	rom: {},
	...o
});
const three = (o: Partial<SessionRow> = {}) => [session(o), session(o), session(o)];

describe('offerProgression', () => {
	it('offers two more reps after three good sessions in a row, capped by the sources', () => {
		expect(offerProgression('wall-angels', three(), { sets: 2, reps: 10 })).toEqual({
			kind: 'reps',
			from: { sets: 2, reps: 10 },
			to: { sets: 2, reps: 12 },
			text: '12 reps a set instead of 10'
		});
		// Wall angels' sources stop at 12 reps and name no more sets: nothing beyond.
		expect(offerProgression('wall-angels', three(), { sets: 2, reps: 12 })).toBeNull();
		expect(offerProgression('shoulder-shrug', three(), { sets: 2, reps: 14 })?.to).toEqual({
			sets: 2,
			reps: 15
		});
	});

	it('offers an extra set once the reps are at the top of the range', () => {
		expect(offerProgression('seated-row', three(), { sets: 2, reps: 15 })).toMatchObject({
			kind: 'set',
			to: { sets: 3, reps: 15 },
			text: '3 sets instead of 2'
		});
		expect(offerProgression('seated-row', three(), { sets: 3, reps: 15 })).toBeNull();
	});

	it('offers a longer hold for holds, which carry no form score', () => {
		const holds = three({
			reps: 0,
			targetReps: null,
			holdSeconds: 40,
			targetHoldSeconds: 40,
			formScore: null
		});
		expect(
			offerProgression('neck-side-tilt', holds, { sets: 1, holdSeconds: 15, perSide: true })
		).toMatchObject({
			kind: 'hold',
			to: { sets: 1, holdSeconds: 20, perSide: true }
		});
	});

	it('waits for three in a row: a missed dose or weak form in the last three says no', () => {
		const dose = { sets: 2, reps: 10 };
		expect(offerProgression('wall-angels', [session(), session()], dose)).toBeNull();
		expect(
			offerProgression('wall-angels', [...three(), session({ doseMet: false })], dose)
		).toBeNull();
		expect(
			offerProgression('wall-angels', [session(), session({ formScore: 79 }), session()], dose)
		).toBeNull();
		expect(
			offerProgression('wall-angels', [session({ doseMet: false }), ...three()], dose)
		).not.toBeNull();
		// A rep exercise with no scored rep is not "good form".
		expect(offerProgression('wall-angels', three({ formScore: null }), dose)).toBeNull();
	});

	it('offers nothing for an exercise whose sources give no range', () => {
		expect(offerProgression('overhead-arm-reach', three(), { sets: 1, reps: 10 })).toBeNull();
	});
});
