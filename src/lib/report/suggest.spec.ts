import { describe, expect, it } from 'vitest';
import { emptySeconds } from '../posture/day-log';
import { postureDay } from '../storage/test-helpers';
import {
	LONG_SIT_SECONDS,
	sittingRuns,
	suggestionDays,
	suggestRoutine,
	type PostureDayInput
} from './suggest';

const MIN = 60;
const day = (date: string, o: Partial<PostureDayInput> = {}): PostureDayInput => ({
	date,
	uprightSeconds: 120 * MIN,
	slouchedSeconds: 0,
	...o
});

describe('suggestRoutine', () => {
	it('sends forward head to neck and thoracic moves', () => {
		const s = suggestRoutine(
			[
				day('2025-03-09', {
					slouchedSeconds: 40 * MIN,
					forwardHeadSeconds: 30 * MIN,
					roundedShouldersSeconds: 10 * MIN
				}),
				day('2025-03-10', {
					slouchedSeconds: 20 * MIN,
					forwardHeadSeconds: 15 * MIN,
					roundedShouldersSeconds: 5 * MIN
				})
			],
			'2025-03-10'
		);
		expect(s).toEqual({
			cause: 'forward-head',
			routineId: null,
			name: 'Neck and upper-back reset',
			exerciseIds: ['neck-flexion-extension', 'neck-side-tilt', 'thoracic-extension-seated'],
			reason:
				'Over the last 2 days your head was forward for 45 min, so today: neck and upper-back moves.'
		});
	});

	it('sends rounded shoulders to squeezes, rows and the doorway stretch', () => {
		const s = suggestRoutine(
			[
				day('2025-03-10', {
					slouchedSeconds: 50 * MIN,
					forwardHeadSeconds: 5 * MIN,
					roundedShouldersSeconds: 45 * MIN
				})
			],
			'2025-03-10'
		);
		expect(s?.cause).toBe('rounded-shoulders');
		expect(s?.exerciseIds).toEqual(['scapular-squeeze', 'seated-row', 'doorway-stretch']);
		expect(s?.reason).toBe(
			'Over the last day your shoulders were rounded for 45 min, so today: squeezes, rows and a doorway stretch.'
		);
	});

	it('sends long unbroken sitting to the desk break', () => {
		const s = suggestRoutine(
			[day('2025-03-10', { slouchedSeconds: 5 * MIN, sittingRunsSeconds: [30 * MIN, 100 * MIN] })],
			'2025-03-10'
		);
		expect(s).toEqual({
			cause: 'long-sitting',
			routineId: 'desk-break',
			name: 'Desk break',
			exerciseIds: ['shoulder-rolls', 'neck-flexion-extension', 'wall-stretch'],
			reason:
				'You sat up to 1 h 40 min without a break over the last day: a desk break loosens you up.'
		});
	});

	it('weighs the causes in seconds: more rounded-shoulder time than time sat past 45 min', () => {
		const s = suggestRoutine(
			[
				day('2025-03-10', {
					slouchedSeconds: 30 * MIN,
					roundedShouldersSeconds: 30 * MIN,
					sittingRunsSeconds: [LONG_SIT_SECONDS + 20 * MIN]
				})
			],
			'2025-03-10'
		);
		expect(s?.cause).toBe('rounded-shoulders');
	});

	it('suggests a mix when the slouch is not put down to head or shoulders', () => {
		const s = suggestRoutine(
			[day('2025-03-10', { uprightSeconds: 90 * MIN, slouchedSeconds: 30 * MIN })],
			'2025-03-10'
		);
		expect(s?.cause).toBe('slouched');
		expect(s?.reason).toBe(
			'Over the last day you were slouched 25 % of your sitting time (30 min), so today: a mix of neck and shoulder-blade moves.'
		);
	});

	it('looks at the last three days only, and at none after today', () => {
		const old = day('2025-03-01', { slouchedSeconds: 300 * MIN, forwardHeadSeconds: 300 * MIN });
		const recent = ['2025-03-08', '2025-03-09', '2025-03-10'].map((d) =>
			day(d, { slouchedSeconds: 5 * MIN, roundedShouldersSeconds: 5 * MIN })
		);
		const future = day('2025-03-11', { slouchedSeconds: 300 * MIN, forwardHeadSeconds: 300 * MIN });
		expect(suggestRoutine([old, ...recent, future], '2025-03-10')?.cause).toBe('rounded-shoulders');
	});

	it('suggests nothing without posture data or with good sitting', () => {
		expect(suggestRoutine([], '2025-03-10')).toBeNull();
		expect(
			suggestRoutine([day('2025-03-10', { slouchedSeconds: 9 * MIN })], '2025-03-10')
		).toBeNull();
	});
});

describe('sittingRuns', () => {
	const seated = { upright: 250, slouched: 50, away: 0 };
	const away = { upright: 0, slouched: 0, away: 300 };
	it('joins consecutive seated slots and breaks at a slot away or a gap', () => {
		expect(
			sittingRuns(
				{ 10: seated, 11: seated, 12: away, 13: seated, 20: seated, 21: seated, 22: seated },
				300
			)
		).toEqual([600, 300, 900]);
	});
});

describe('suggestionDays: stored posture days in, routine out', () => {
	const stored = (head: number, shoulders: number) => [
		postureDay('2025-03-08', { upright: 200 * MIN, slouched: 40 * MIN }, 2, {
			'forward-head': head * MIN,
			'rounded-shoulders': shoulders * MIN
		}),
		postureDay('2025-03-09', { upright: 180 * MIN, slouched: 30 * MIN }, 1, {
			'forward-head': head * MIN,
			'rounded-shoulders': shoulders * MIN
		}),
		// Outside the window: ignored however much it holds.
		postureDay('2025-03-01', { slouched: 600 * MIN }, 0, { 'forward-head': 600 * MIN })
	];

	it('days whose slouch was mostly the head give the neck routine', () => {
		const days = suggestionDays(stored(25, 5), [], '2025-03-08', '2025-03-10');
		expect(days.map((d) => d.date).sort()).toEqual(['2025-03-08', '2025-03-09']);
		const s = suggestRoutine(days, '2025-03-10');
		expect(s?.cause).toBe('forward-head');
		expect(s?.name).toBe('Neck and upper-back reset');
		expect(s?.reason).toBe(
			'Over the last 2 days your head was forward for 50 min, so today: neck and upper-back moves.'
		);
	});

	it('days whose slouch was mostly the shoulders give the shoulder routine', () => {
		const s = suggestRoutine(
			suggestionDays(stored(5, 25), [], '2025-03-08', '2025-03-10'),
			'2025-03-10'
		);
		expect(s?.cause).toBe('rounded-shoulders');
		expect(s?.exerciseIds).toEqual(['scapular-squeeze', 'seated-row', 'doorway-stretch']);
	});

	it('days from before causes were kept give the mixed reset', () => {
		const s = suggestRoutine(
			suggestionDays(stored(0, 0), [], '2025-03-08', '2025-03-10'),
			'2025-03-10'
		);
		expect(s?.cause).toBe('slouched');
		expect(s?.name).toBe('Posture reset');
	});

	it("adds the timeline's sitting runs, also for a day the database lacks", () => {
		// Two hours seated without a break: 24 five-minute slots from 08:20.
		const slots = Object.fromEntries(
			Array.from({ length: 24 }, (_, i) => [100 + i, { ...emptySeconds(), upright: 300 }])
		);
		const timeline = { date: '2025-03-10', slots, nudges: 0 };
		const days = suggestionDays([], [timeline], '2025-03-08', '2025-03-10');
		expect(days).toEqual([
			{ date: '2025-03-10', uprightSeconds: 0, slouchedSeconds: 0, sittingRunsSeconds: [7200] }
		]);
		expect(suggestRoutine(days, '2025-03-10')?.cause).toBe('long-sitting');
	});
});
