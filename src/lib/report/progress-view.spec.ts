import { describe, expect, it } from 'vitest';
import { postureDay, workout } from '$lib/storage/test-helpers';
import {
	counted,
	dayLabel,
	durationLabel,
	exercisesWithData,
	formSeries,
	inRange,
	minutesSeries,
	mondayOf,
	slouchSeries,
	summarize,
	weeklySeries,
	weeksFor,
	workoutRows
} from './progress-view';

// Wednesday 2025-03-12, 10:00 in Berlin (UTC+1 in March before the DST change).
const clock = { now: Date.UTC(2025, 2, 12, 9, 0), timeZone: 'Europe/Berlin' };
const names = (id: string) => ({ 'wall-angels': 'Wall angels' })[id] ?? id;

const at = (iso: string, over: Parameters<typeof workout>[0] = {}) =>
	workout({ id: iso, startedAt: iso, ...over });

const history = [
	// Tuesday 11 March, 5 minutes, 10 reps scored 80 and 90.
	at('2025-03-11T08:00:00.000Z', { reps: 2, repScores: [80, 90] }),
	// Wednesday 12 March, 23:30 UTC on the 11th is 00:30 on the 12th in Berlin.
	at('2025-03-11T23:30:00.000Z', {
		reps: 1,
		repScores: [70],
		cues: [
			{ t: 1, id: 'a', text: 'Elbows back' },
			{ t: 5, id: 'b', text: 'Chin in' },
			{ t: 9, id: 'a', text: 'Elbows back' }
		]
	}),
	// A hold exercise two weeks earlier.
	at('2025-02-26T08:00:00.000Z', {
		exerciseId: 'doorway-stretch',
		holds: [
			{ side: 'left', seconds: 30 },
			{ side: 'right', seconds: 30 }
		]
	}),
	// Long ago: outside every window.
	at('2024-10-01T08:00:00.000Z', { reps: 50 })
];

describe('labels', () => {
	it('formats calendar dates without any zone shifting them', () => {
		expect(dayLabel('2025-03-03')).toBe('3 Mar');
		expect(dayLabel('2025-03-03', { weekday: true })).toBe('Mon 3 Mar');
		expect(dayLabel('2024-12-31')).toBe('31 Dec');
	});

	it('finds the Monday of a week', () => {
		expect(mondayOf('2025-03-12')).toBe('2025-03-10');
		expect(mondayOf('2025-03-10')).toBe('2025-03-10');
		expect(mondayOf('2025-03-16')).toBe('2025-03-10');
		expect(mondayOf('2025-01-01')).toBe('2024-12-30');
	});

	it('shows at least four weeks', () => {
		expect([weeksFor(7), weeksFor(30), weeksFor(90)]).toEqual([4, 5, 13]);
	});
});

describe('summary', () => {
	it('counts the window by local start date, and the streak over everything', () => {
		const s = summarize(history, { ...clock, days: 7 });
		expect(s.workouts).toBe(2);
		expect(s.reps).toBe(3);
		expect(s.minutes).toBeCloseTo(10);
		expect(s.meanScore).toBeCloseTo(80);
		expect(s.activeDays).toBe(2);
		expect(s.streak).toMatchObject({ current: 2, today: true });
		const month = summarize(history, { ...clock, days: 30 });
		expect(month.workouts).toBe(3);
		expect(month.holdSeconds).toBe(60);
	});

	it('gives null, not NaN, for a mean with no scores', () => {
		const s = summarize([], { ...clock, days: 30 });
		expect(s).toMatchObject({ workouts: 0, minutes: 0, reps: 0, meanScore: null, activeDays: 0 });
		expect(s.streak.current).toBe(0);
	});

	it('keeps the window inclusive of its first day', () => {
		const first = at('2025-03-05T23:30:00.000Z'); // 00:30 on 6 March in Berlin
		expect(inRange([first], { ...clock, days: 7 })).toHaveLength(1);
		const before = at('2025-03-05T22:30:00.000Z'); // 23:30 on 5 March
		expect(inRange([before], { ...clock, days: 7 })).toHaveLength(0);
	});
});

describe('chart series', () => {
	it('minutes per day has one bar per day, zeros included', () => {
		const s = minutesSeries(history, { ...clock, days: 7 });
		expect(s.keys).toHaveLength(7);
		expect(s.keys.at(-1)).toBe('2025-03-12');
		expect(s.labels.at(-1)).toBe('Wed 12 Mar');
		expect(s.values.slice(-2)).toEqual([5, 5]);
		expect(s.values.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
	});

	it('weekly totals fill empty weeks with zero and label weeks by their Monday', () => {
		const angels = weeklySeries(history, 'wall-angels', { ...clock, weeks: 4 });
		expect(angels.labels).toEqual(['17 Feb', '24 Feb', '3 Mar', '10 Mar']);
		expect(angels.reps).toEqual([0, 0, 0, 3]);
		expect(angels.workouts).toEqual([0, 0, 0, 2]);
		const doorway = weeklySeries(history, 'doorway-stretch', { ...clock, weeks: 4 });
		expect(doorway.holdMinutes).toEqual([0, 1, 0, 0]);
	});

	it('form trend skips days without scored reps (null, not zero)', () => {
		const s = formSeries(history, 'wall-angels', { ...clock, days: 7 });
		expect(s.values.slice(-2)).toEqual([85, 70]);
		expect(s.values.slice(0, 5).every((v) => v === null)).toBe(true);
		expect(s.reps.slice(-2)).toEqual([2, 1]);
	});

	it('slouched share is a percentage of the time seen sitting', () => {
		const days = [
			postureDay('2025-03-12', { upright: 2700, slouched: 900, away: 600 }),
			postureDay('2025-03-11', { away: 100 })
		];
		const s = slouchSeries(days, { ...clock, days: 7 });
		expect(s.values.at(-1)).toBe(25);
		expect(s.seatedMinutes.at(-1)).toBe(60);
		expect(s.values.at(-2)).toBeNull();
	});
});

describe('tables', () => {
	it('lists exercises with data, the most recent first', () => {
		expect(exercisesWithData(history, names).map((e) => [e.id, e.name, e.workouts])).toEqual([
			['wall-angels', 'Wall angels', 3],
			['doorway-stretch', 'doorway-stretch', 1]
		]);
	});

	it('builds rows newest first with local times, means and the most frequent cue', () => {
		const rows = workoutRows(history, names, clock.timeZone);
		expect(rows.map((r) => r.date)).toEqual([
			'2025-03-12',
			'2025-03-11',
			'2025-02-26',
			'2024-10-01'
		]);
		expect(rows[0]).toMatchObject({
			when: 'Wed 12 Mar, 00:30',
			name: 'Wall angels',
			reps: 1,
			meanScore: 70,
			cues: 3,
			topCue: 'Elbows back',
			inProgress: false
		});
		expect(rows[2]).toMatchObject({ holds: 2, holdSeconds: 60, meanScore: null, topCue: null });
	});

	it('marks a workout a closed tab left in progress', () => {
		const open = workout({ endedAt: null, updatedAt: '2025-03-03T09:02:00.000Z' });
		const [row] = workoutRows([open], names, clock.timeZone);
		expect(row).toMatchObject({ inProgress: true });
		expect(row?.minutes).toBeCloseTo(2);
	});
});

describe('durationLabel', () => {
	it.each([
		[0, '0 s'],
		[44.6, '45 s'],
		[59.7, '1 min'],
		[60, '1 min'],
		[85.5, '1 min 26 s'],
		[599, '9 min 59 s'],
		[749, '12 min'],
		[3600, '1 h'],
		[3900, '1 h 5 min'],
		[NaN, '–'],
		[null, '–']
	])('%s s → %s', (s, label) => {
		expect(durationLabel(s)).toBe(label);
	});
});

describe('counted', () => {
	it('agrees the noun with the number', () => {
		expect(counted(1, 'workout')).toBe('1 workout');
		expect(counted(0, 'workout')).toBe('0 workouts');
		expect(counted(2, 'posture day')).toBe('2 posture days');
		expect(counted(NaN, 'day')).toBe('– days');
	});
});
