import { describe, expect, it } from 'vitest';
import {
	buildReport,
	daysCsv,
	describeSlouchSplit,
	doseTargets,
	sessionsCsv,
	slopePerWeek,
	slouchSplit
} from './report';
import { postureDay, workout } from '../storage/test-helpers';
import type { RangeOfMotionRecord } from '../storage/records';

const TZ = 'UTC';
const wallAngels = {
	id: 'wall-angels',
	name: 'Wall angels',
	dose: { sets: 2, reps: 10 },
	measures: [{ id: 'shoulder-elevation' as const }, { id: 'elbow-angle' as const }]
};

const rom = (left: number, right: number): RangeOfMotionRecord[] => [
	{ t: 3, measure: 'shoulder-elevation', side: 'left', degrees: left },
	{ t: 3, measure: 'shoulder-elevation', side: 'right', degrees: right },
	{ t: 6, measure: 'shoulder-elevation', side: 'left', degrees: left + 2 },
	{ t: 6, measure: 'shoulder-elevation', side: 'right', degrees: right + 2 }
];
const cue = (text: string) => ({ t: 1, id: text, text });

/** Three sessions a week apart, the left arm gaining 7° a week; one outside the period. */
const workouts = [
	workout({
		id: 'a',
		startedAt: '2025-03-03T09:00:00.000Z',
		reps: 20,
		repScores: [80, 90],
		rangeOfMotion: rom(150, 140),
		cues: [cue('Lift your elbows.'), cue('Lift your elbows.')]
	}),
	workout({
		id: 'b',
		startedAt: '2025-03-10T09:00:00.000Z',
		reps: 14,
		repScores: [70],
		rangeOfMotion: rom(157, 141),
		cues: [cue('Lift your elbows.'), cue('Keep your shoulders down.')]
	}),
	workout({
		id: 'c',
		startedAt: '2025-03-17T09:00:00.000Z',
		reps: 20,
		repScores: [100],
		rangeOfMotion: rom(164, 142)
	}),
	workout({ id: 'old', startedAt: '2025-02-01T09:00:00.000Z', reps: 5 }),
	workout({ id: 'other', exerciseId: 'shoulder-shrug', startedAt: '2025-03-10T10:00:00.000Z' })
];
const period = { from: '2025-03-01', to: '2025-03-17' };

describe('buildReport', () => {
	const r = buildReport(
		workouts,
		[
			postureDay('2025-03-10', { upright: 3000, slouched: 600 }, 0, {
				'forward-head': 360,
				'rounded-shoulders': 180
			}),
			postureDay('2025-03-11', { away: 60 })
		],
		wallAngels,
		period,
		TZ
	);

	it('lists the period’s sessions of the exercise against the dose', () => {
		expect(
			r.sessions.map((s) => [s.id, s.date, s.reps, s.targetReps, s.doseMet, s.formScore])
		).toEqual([
			['a', '2025-03-03', 20, 20, true, 85],
			['b', '2025-03-10', 14, 20, false, 70],
			['c', '2025-03-17', 20, 20, true, 100]
		]);
		expect(r.totals).toEqual({
			sessions: 3,
			reps: 54,
			targetReps: 60,
			holdSeconds: 0,
			targetHoldSeconds: null,
			sessionsDoseMet: 2,
			formScore: 85
		});
	});

	it('gives each measure and side its session medians, first, last, best and weekly trend', () => {
		expect(
			r.measures.map((m) => [
				m.key,
				m.points.map((p) => p.degrees),
				m.first,
				m.last,
				m.best,
				m.trendPerWeek
			])
		).toEqual([
			['shoulder-elevation|left', [151, 158, 165], 151, 165, 165, 7],
			['shoulder-elevation|right', [141, 142, 143], 141, 143, 143, 1]
		]);
	});

	it('states the left/right asymmetry', () => {
		expect(r.asymmetry).toEqual([
			{
				measure: 'shoulder-elevation',
				label: 'Shoulder elevation',
				left: 158,
				right: 142,
				difference: 16,
				percent: 10
			}
		]);
	});

	it('counts the cues given most often', () => {
		expect(r.topCues).toEqual([
			{ text: 'Lift your elbows.', count: 3 },
			{ text: 'Keep your shoulders down.', count: 1 }
		]);
	});

	it('gives every day of the period its minutes exercised and slouched share', () => {
		expect(r.days).toHaveLength(17);
		// Each test workout lasts 5 minutes; the shrug on the 10th counts as exercise too.
		expect(r.days.find((d) => d.date === '2025-03-10')).toEqual({
			date: '2025-03-10',
			exerciseMinutes: 10,
			slouchedPercent: 17,
			seatedMinutes: 60,
			slouchedMinutes: 10,
			forwardHeadMinutes: 6,
			roundedShouldersMinutes: 3
		});
		// Away time is not judged: no share, not 0 %.
		expect(r.days.find((d) => d.date === '2025-03-11')).toEqual({
			date: '2025-03-11',
			exerciseMinutes: 0,
			slouchedPercent: null,
			seatedMinutes: 0,
			slouchedMinutes: 0,
			forwardHeadMinutes: 0,
			roundedShouldersMinutes: 0
		});
	});

	it('splits the period’s slouched time by cause, the rest put down to neither', () => {
		expect(slouchSplit(r.days)).toEqual({
			slouchedMinutes: 10,
			forwardHead: { minutes: 6, percent: 60 },
			roundedShoulders: { minutes: 3, percent: 30 },
			neither: { minutes: 1, percent: 10 }
		});
		expect(slouchSplit(r.days.filter((d) => d.date !== '2025-03-10'))).toBeNull();
		expect(describeSlouchSplit(r.days, (m) => `${m} min`)).toBe(
			'Of 10 min slouched, work mode put 60\u00a0% down to the head coming forward or down, ' +
				'30\u00a0% to the shoulders rounding, and 10\u00a0% to neither clearly.'
		);
	});

	it('writes the same rows as CSV', () => {
		expect(sessionsCsv(r).split('\r\n')).toEqual([
			'date,started_at,exercise,reps,target_reps,hold_seconds,target_hold_seconds,dose_met,form_score,shoulder-elevation_left_deg,shoulder-elevation_right_deg',
			'2025-03-03,2025-03-03T09:00:00.000Z,wall-angels,20,20,0,,true,85,151,141',
			'2025-03-10,2025-03-10T09:00:00.000Z,wall-angels,14,20,0,,false,70,158,142',
			'2025-03-17,2025-03-17T09:00:00.000Z,wall-angels,20,20,0,,true,100,165,143',
			''
		]);
		expect(daysCsv(r).split('\r\n')[0]).toBe(
			'date,exercise_minutes,slouched_percent,seated_minutes,slouched_minutes,forward_head_minutes,rounded_shoulders_minutes'
		);
		expect(daysCsv(r).split('\r\n')[10]).toBe('2025-03-10,10,17,60,10,6,3');
	});

	it('is empty, not broken, for a period without sessions', () => {
		const empty = buildReport(
			workouts,
			[],
			wallAngels,
			{ from: '2025-04-01', to: '2025-04-07' },
			TZ
		);
		expect(empty.sessions).toEqual([]);
		expect(empty.measures).toEqual([]);
		expect(empty.totals.formScore).toBeNull();
		expect(empty.totals.targetReps).toBe(0);
		expect(empty.days).toHaveLength(7);
	});
});

describe('doseTargets and slopePerWeek', () => {
	it('doubles a per-side dose', () => {
		expect(doseTargets({ sets: 1, holdSeconds: 20, perSide: true })).toEqual({
			reps: null,
			holdSeconds: 40
		});
		expect(doseTargets({ sets: 2, reps: 10 })).toEqual({ reps: 20, holdSeconds: null });
	});

	it('needs three sessions for a trend', () => {
		const week = 7 * 86_400_000;
		expect(
			slopePerWeek([
				{ at: 0, degrees: 1 },
				{ at: week, degrees: 5 }
			])
		).toBeNull();
		expect(
			slopePerWeek([
				{ at: 0, degrees: 10 },
				{ at: week, degrees: 8 },
				{ at: 2 * week, degrees: 6 }
			])
		).toBe(-2);
	});
});
