import { describe, expect, it } from 'vitest';
import {
	formTrend,
	minutesPerDay,
	slouchedShare,
	streak,
	weeklyTotals,
	workoutSpan
} from './progress';
import { postureDay, workout } from './test-helpers';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const MIN = 60_000;

/** A done workout starting at `iso` and lasting `minutes`. */
const at = (iso: string, minutes = 5, over: Parameters<typeof workout>[0] = {}) =>
	workout({
		startedAt: new Date(iso).toISOString(),
		endedAt: new Date(Date.parse(iso) + minutes * MIN).toISOString(),
		...over
	});

describe('streak', () => {
	// Every evening at 23:30 in Los Angeles: in UTC each one is on the NEXT date.
	const evenings = ['2025-03-01', '2025-03-02', '2025-03-03'].map((d) => at(`${d}T23:30:00-08:00`));

	it('counts consecutive local days ending today', () => {
		const s = streak(evenings, { now: Date.parse('2025-03-03T23:59:00-08:00'), timeZone: LA });
		expect(s).toEqual({ current: 3, longest: 3, today: true, lastDate: '2025-03-03' });
	});

	it('keeps the streak alive until today ends, and breaks it after a missed day', () => {
		const tz = { timeZone: LA };
		expect(streak(evenings, { ...tz, now: Date.parse('2025-03-04T20:00:00-08:00') })).toMatchObject(
			{ current: 3, today: false }
		);
		expect(streak(evenings, { ...tz, now: Date.parse('2025-03-05T08:00:00-08:00') })).toMatchObject(
			{ current: 0, longest: 3 }
		);
	});

	it('uses the local date: the same instants seen from UTC are a different run', () => {
		// 23:30 on 1 March and 06:00 on 2 March in Los Angeles: two local days, but both are on
		// 2 March in UTC.
		const ws = [at('2025-03-01T23:30:00-08:00'), at('2025-03-02T06:00:00-08:00')];
		const now = Date.parse('2025-03-02T12:00:00-08:00');
		expect(streak(ws, { now, timeZone: LA }).current).toBe(2);
		expect(streak(ws, { now, timeZone: 'UTC' }).current).toBe(1);
	});

	it('counts a session across midnight once, on the day it started', () => {
		const s = streak([at('2025-03-01T23:55:00-08:00', 20)], {
			now: Date.parse('2025-03-02T12:00:00-08:00'),
			timeZone: LA
		});
		expect(s).toMatchObject({ current: 1, today: false, lastDate: '2025-03-01' });
	});

	it('runs through the 23-hour and 25-hour days of daylight-saving changes', () => {
		// 00:30 local on each day around Berlin's spring-forward (31 March) and fall-back (27 Oct).
		const spring = [
			'2024-03-30T00:30:00+01:00',
			'2024-03-31T00:30:00+01:00',
			'2024-04-01T00:30:00+02:00'
		];
		const fall = [
			'2024-10-26T00:30:00+02:00',
			'2024-10-27T00:30:00+02:00',
			'2024-10-28T00:30:00+01:00'
		];
		for (const times of [spring, fall]) {
			const last = times.at(-1)!;
			const s = streak(
				times.map((t) => at(t)),
				{ now: Date.parse(last) + 23 * 3_600_000, timeZone: BERLIN }
			);
			expect(s.current).toBe(3);
		}
	});

	it('finds the longest run and counts several workouts a day once', () => {
		const ws = [
			at('2025-01-01T10:00:00Z'),
			at('2025-01-02T10:00:00Z'),
			at('2025-01-02T18:00:00Z'),
			at('2025-01-03T10:00:00Z'),
			at('2025-01-10T10:00:00Z')
		];
		expect(streak(ws, { now: Date.parse('2025-01-10T12:00:00Z'), timeZone: 'UTC' })).toEqual({
			current: 1,
			longest: 3,
			today: true,
			lastDate: '2025-01-10'
		});
		expect(streak([], { timeZone: 'UTC' })).toEqual({
			current: 0,
			longest: 0,
			today: false,
			lastDate: null
		});
	});
});

describe('minutesPerDay', () => {
	it('splits a session at local midnight and lists every day of the window', () => {
		const ws = [at('2025-03-04T23:50:00-08:00', 20), at('2025-03-02T09:00:00-08:00', 7.5)];
		const days = minutesPerDay(ws, {
			days: 4,
			now: Date.parse('2025-03-05T12:00:00-08:00'),
			timeZone: LA
		});
		expect(days).toEqual([
			{ date: '2025-03-02', minutes: 7.5 },
			{ date: '2025-03-03', minutes: 0 },
			{ date: '2025-03-04', minutes: 10 },
			{ date: '2025-03-05', minutes: 10 }
		]);
	});

	it('ignores time outside the window', () => {
		const ws = [at('2025-03-01T23:50:00-08:00', 20)];
		const days = minutesPerDay(ws, {
			days: 2,
			now: Date.parse('2025-03-03T12:00:00-08:00'),
			timeZone: LA
		});
		expect(days).toEqual([
			{ date: '2025-03-02', minutes: 10 },
			{ date: '2025-03-03', minutes: 0 }
		]);
	});

	it('has one entry per date across a fall-back day, and counts the repeated hour', () => {
		// 01:30–03:30 local on 27 Oct 2024 in Berlin lasts 3 h: 02:00–03:00 happens twice.
		const w = at('2024-10-27T01:30:00+02:00', 180);
		const days = minutesPerDay([w], {
			days: 7,
			now: Date.parse('2024-10-29T12:00:00+01:00'),
			timeZone: BERLIN
		});
		expect(days.map((d) => d.date)).toEqual([
			'2024-10-23',
			'2024-10-24',
			'2024-10-25',
			'2024-10-26',
			'2024-10-27',
			'2024-10-28',
			'2024-10-29'
		]);
		expect(days.find((d) => d.date === '2024-10-27')?.minutes).toBe(180);
	});

	it('ends a session a closed tab left in progress at its last save', () => {
		const w = workout({
			startedAt: '2025-03-03T09:00:00.000Z',
			endedAt: null,
			updatedAt: '2025-03-03T09:04:30.000Z',
			status: 'in-progress'
		});
		expect(
			minutesPerDay([w], { days: 1, now: Date.parse('2025-03-03T20:00:00Z'), timeZone: 'UTC' })
		).toEqual([{ date: '2025-03-03', minutes: 4.5 }]);
	});

	it('never counts negative time when the clock went backwards', () => {
		const w = workout({
			startedAt: '2025-03-03T09:00:00.000Z',
			endedAt: '2025-03-03T08:00:00.000Z'
		});
		expect(workoutSpan(w).end - workoutSpan(w).start).toBe(0);
		expect(
			minutesPerDay([w], { days: 1, now: Date.parse('2025-03-03T20:00:00Z'), timeZone: 'UTC' })[0]
				?.minutes
		).toBe(0);
	});
});

describe('weeklyTotals', () => {
	it('sums reps and hold seconds per exercise per ISO week of the local start date', () => {
		const ws = [
			// Sunday 9 March 23:30 in LA is Monday in UTC, but belongs to week 10 locally.
			at('2025-03-09T23:30:00-07:00', 5, { exerciseId: 'wall-angels', reps: 10 }),
			at('2025-03-10T08:00:00-07:00', 5, { exerciseId: 'wall-angels', reps: 12 }),
			at('2025-03-10T09:00:00-07:00', 5, {
				exerciseId: 'doorway-stretch',
				holds: [
					{ side: 'left', seconds: 30 },
					{ side: 'right', seconds: 28.5 }
				]
			}),
			at('2025-03-11T09:00:00-07:00', 5, { exerciseId: 'wall-angels', reps: 8 })
		];
		expect(weeklyTotals(ws, { timeZone: LA })).toEqual([
			{ week: '2025-W10', exerciseId: 'wall-angels', workouts: 1, reps: 10, holdSeconds: 0 },
			{ week: '2025-W11', exerciseId: 'doorway-stretch', workouts: 1, reps: 0, holdSeconds: 58.5 },
			{ week: '2025-W11', exerciseId: 'wall-angels', workouts: 2, reps: 20, holdSeconds: 0 }
		]);
		expect(weeklyTotals(ws, { timeZone: 'UTC' })[0]).toMatchObject({ week: '2025-W11' });
	});
});

describe('formTrend', () => {
	it('averages every scored rep of a day per exercise, by local date', () => {
		const ws = [
			at('2025-03-03T09:00:00Z', 5, { exerciseId: 'a', repScores: [80, 90] }),
			at('2025-03-03T18:00:00Z', 5, { exerciseId: 'a', repScores: [50, 60, 70, 80] }),
			at('2025-03-01T09:00:00Z', 5, { exerciseId: 'a', repScores: [40] }),
			at('2025-03-03T10:00:00Z', 5, { exerciseId: 'b', repScores: [] }),
			at('2025-03-04T10:00:00Z', 5, { exerciseId: 'b', repScores: [100] })
		];
		const trend = formTrend(ws, { timeZone: 'UTC' });
		expect(trend.get('a')).toEqual([
			{ date: '2025-03-01', score: 40, reps: 1 },
			{ date: '2025-03-03', score: 430 / 6, reps: 6 }
		]);
		expect(trend.get('b')).toEqual([{ date: '2025-03-04', score: 100, reps: 1 }]);
	});
	it('stays within the range of the scores', () => {
		const scores = [12, 99, 45, 0, 100, 63];
		const [point] = formTrend([at('2025-03-03T09:00:00Z', 5, { repScores: scores })], {
			timeZone: 'UTC'
		}).get('wall-angels')!;
		expect(point!.score).toBeGreaterThanOrEqual(Math.min(...scores));
		expect(point!.score).toBeLessThanOrEqual(Math.max(...scores));
	});
});

describe('slouchedShare', () => {
	it('is slouched / (upright + slouched) per day, null without seated time', () => {
		const days = [
			postureDay('2025-03-01', { upright: 300, slouched: 100, away: 900, unknown: 50 }, 2),
			postureDay('2025-03-03', { away: 600 })
		];
		expect(
			slouchedShare(days, { days: 3, now: Date.parse('2025-03-03T12:00:00Z'), timeZone: 'UTC' })
		).toEqual([
			{ date: '2025-03-01', share: 0.25, seatedSeconds: 400, nudges: 2 },
			{ date: '2025-03-02', share: null, seatedSeconds: 0, nudges: 0 },
			{ date: '2025-03-03', share: null, seatedSeconds: 0, nudges: 0 }
		]);
	});
});
