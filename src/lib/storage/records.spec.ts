import { describe, expect, it } from 'vitest';
import { isLocalDate, parsePostureDay, parseRoutine, parseSetting, parseWorkout } from './records';
import { postureDay, workout } from './test-helpers';

describe('parseWorkout', () => {
	it('returns a clean copy: known fields only, instants in toISOString form', () => {
		const p = parseWorkout({
			...workout({ routineId: 'morning' }),
			startedAt: '2025-03-03T10:00:00+01:00',
			extra: 'dropped'
		});
		expect(p.ok).toBe(true);
		if (!p.ok) return;
		expect(p.value.startedAt).toBe('2025-03-03T09:00:00.000Z');
		expect(p.value.routineId).toBe('morning');
		expect(p.value).not.toHaveProperty('extra');
	});

	it('accepts an in-progress workout without an end', () => {
		expect(parseWorkout(workout({ endedAt: null })).ok).toBe(true);
	});

	it.each([
		['not an object', 'oops', '(record)', 'must be an object'],
		['empty id', { ...workout(), id: '' }, 'id', 'must not be empty'],
		['numeric exerciseId', { ...workout(), exerciseId: 5 }, 'exerciseId', 'must be a string'],
		['date without zone', { ...workout(), startedAt: '2025-03-03 09:00' }, 'startedAt', 'ISO'],
		['impossible instant', { ...workout(), startedAt: '2025-13-40T09:00:00Z' }, 'startedAt', 'ISO'],
		['fractional reps', { ...workout(), reps: 2.5 }, 'reps', 'whole number'],
		['negative reps', { ...workout(), reps: -1 }, 'reps', 'at least 0'],
		['holds not an array', { ...workout(), holds: {} }, 'holds', 'must be an array'],
		[
			'bad hold side',
			{ ...workout(), holds: [{ side: 'up', seconds: 3 }] },
			'holds[0].side',
			'one of'
		],
		['score above 100', { ...workout(), repScores: [80, 101] }, 'repScores[1]', 'from 0 to 100'],
		['NaN score', { ...workout(), repScores: [NaN] }, 'repScores[0]', 'from 0 to 100'],
		[
			'cue without text',
			{ ...workout(), cues: [{ t: 1, id: 'x' }] },
			'cues[0].text',
			'must be a string'
		],
		['unknown status', { ...workout(), status: 'paused' }, 'status', 'one of'],
		['done without end', { ...workout(), endedAt: null, status: 'done' }, 'endedAt', 'must be set'],
		['in progress with an end', { ...workout(), status: 'in-progress' }, 'endedAt', 'must be null'],
		['empty routineId', { ...workout(), routineId: '' }, 'routineId', 'must not be empty']
	])('rejects %s, naming the field', (_name, value, field, reason) => {
		const p = parseWorkout(value);
		expect(p.ok).toBe(false);
		if (p.ok) return;
		expect(p.field).toBe(field);
		expect(p.reason).toContain(reason);
	});

	it('does not reject a workout whose clock went backwards (end before start)', () => {
		const w = workout({
			startedAt: '2025-03-03T09:00:00.000Z',
			endedAt: '2025-03-03T08:59:00.000Z'
		});
		expect(parseWorkout(w).ok).toBe(true);
	});
});

describe('parseRoutine', () => {
	const routine = {
		id: 'r1',
		routineId: 'desk-break',
		name: 'Desk break',
		startedAt: '2025-03-03T09:00:00.000Z',
		endedAt: '2025-03-03T09:10:00.000Z',
		items: [
			{ exerciseId: 'wall-angels', workoutId: 'w1', status: 'done' },
			{ exerciseId: 'neck-roll', workoutId: null, status: 'skipped' }
		]
	};
	it('accepts a completed routine', () => {
		expect(parseRoutine(routine)).toEqual({ ok: true, value: routine });
	});
	it('names a bad item field', () => {
		const bad = { ...routine, items: [routine.items[0], { exerciseId: 'x', workoutId: 3 }] };
		expect(parseRoutine(bad)).toMatchObject({ ok: false, field: 'items[1].workoutId' });
	});
});

describe('parsePostureDay', () => {
	it('accepts per-state seconds and the slouched seconds per cause', () => {
		const d = postureDay('2025-03-03', { upright: 100, slouched: 20 }, 2, { 'forward-head': 12 });
		expect(parsePostureDay(d)).toEqual({ ok: true, value: d });
	});
	it('reads a day from before schema v4 (no causes) as none named', () => {
		const { slouchedBy: _, ...old } = postureDay('2025-03-03', { slouched: 20 });
		expect(parsePostureDay(old)).toEqual({
			ok: true,
			value: postureDay('2025-03-03', { slouched: 20 })
		});
	});
	it.each([
		[{ ...postureDay('2025-02-30') }, 'date'],
		[{ ...postureDay('2025-03-03'), seconds: { upright: 1 } }, 'seconds.slouched'],
		[postureDay('2025-03-03', { away: -1 }), 'seconds.away'],
		[{ ...postureDay('2025-03-03'), nudges: 1.5 }, 'nudges'],
		[postureDay('2025-03-03', {}, 0, { 'rounded-shoulders': -3 }), 'slouchedBy.rounded-shoulders'],
		[{ ...postureDay('2025-03-03'), slouchedBy: 'lots' }, 'slouchedBy']
	])('rejects %j at %s', (value, field) => {
		expect(parsePostureDay(value)).toMatchObject({ ok: false, field });
	});
});

describe('parseSetting', () => {
	it('accepts any plain JSON value', () => {
		const value = { voice: true, volume: 0.8, lists: [1, 'a', null], nested: { x: [] } };
		expect(parseSetting({ key: 'ui', value })).toEqual({ ok: true, value: { key: 'ui', value } });
		expect(parseSetting({ key: 'k', value: null }).ok).toBe(true);
	});
	it('keeps a "__proto__" key as data', () => {
		const value = JSON.parse('{"__proto__": {"polluted": true}}');
		const p = parseSetting({ key: 'k', value });
		expect(p.ok).toBe(true);
		if (!p.ok) return;
		expect(Object.getPrototypeOf(p.value.value)).toBe(Object.prototype);
		expect(Object.keys(p.value.value as object)).toEqual(['__proto__']);
	});
	it.each([
		[{ key: 'k' }, 'value'],
		[{ key: '', value: 1 }, 'key'],
		[{ key: 'k', value: Infinity }, 'value'],
		[{ key: 'k', value: { when: new Date() } }, 'value.when'],
		[{ key: 'k', value: [1, () => 2] }, 'value[1]']
	])('rejects %o at %s', (value, field) => {
		expect(parseSetting(value)).toMatchObject({ ok: false, field });
	});
});

describe('isLocalDate', () => {
	it.each([
		['2024-02-29', true],
		['2025-02-29', false],
		['2025-04-31', false],
		['2025-4-01', false],
		['2025-04-01T00:00', false],
		[20250401, false]
	])('%s → %s', (v, ok) => expect(isLocalDate(v)).toBe(ok));
});
