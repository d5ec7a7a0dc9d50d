import { describe, expect, it } from 'vitest';
import { CONSISTENT_REPS, OWN_SHARE, OwnRange } from './own-range';

describe('OwnRange', () => {
	it('counts reps that pass enter while the own range is unknown', () => {
		const r = new OwnRange<number>();
		expect(r.judge(0.14, true, 1).verdict.kind).toBe('count');
		expect(r.span).toBeNull();
	});

	it('credits a stiff person’s short reps once three agree, and from then on counts them', () => {
		const r = new OwnRange<number>();
		expect(r.judge(0.09, false, 1)).toEqual({ verdict: { kind: 'pending' }, credited: [] });
		expect(r.judge(0.095, false, 2)).toEqual({ verdict: { kind: 'pending' }, credited: [] });
		// The third agrees: the first two are credited now, and the third counts.
		expect(r.judge(0.1, false, 3)).toEqual({ verdict: { kind: 'count' }, credited: [1, 2] });
		expect(r.span).toBeCloseTo(0.095, 5);
		expect(r.judge(0.092, false, 4).verdict.kind).toBe('count');
	});

	it("judges a partial rep against the person's own full ones", () => {
		const r = new OwnRange<number>();
		for (let i = 0; i < CONSISTENT_REPS; i++) r.judge(0.2, true, i);
		expect(r.span).toBeCloseTo(0.2, 5);
		// Half their own range: short, even though it passes the definition's enter.
		expect(r.judge(0.1, true, 9).verdict.kind).toBe('short');
		// Short of enter: judged more strictly.
		expect(r.judge(OWN_SHARE * 0.2 - 0.005, false, 10).verdict.kind).toBe('short');
		expect(r.judge(OWN_SHARE * 0.2 + 0.001, false, 11).verdict.kind).toBe('count');
	});

	it('never credits candidates that do not agree (a wobble, a rep, a half rep)', () => {
		const r = new OwnRange<number>();
		r.judge(0.07, false, 1);
		r.judge(0.15, true, 2);
		r.judge(0.08, false, 3);
		expect(r.span).toBeNull();
		r.interrupt();
		expect(r.judge(0.07, false, 4).credited).toEqual([]);
	});
});
