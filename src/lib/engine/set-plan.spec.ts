/**
 * The set plan over Coach states: hand-made states for the rules (sets, rest, sides, summary),
 * then the real Coach on generated stick-figure traces for the whole loop.
 */
import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises';
import { DESK_CAMERA } from '../exercises/test-helpers';
import * as sim from '../sim';
import { Coach } from './coach';
import { asymmetryOf, asymmetryText, REST_AFTER_REPS_SECONDS, SetPlan } from './set-plan';
import type { CoachEvent, CoachState, ExerciseDefinition, Side } from './types';

const ex = (id: string): ExerciseDefinition => {
	const d = getExercise(id);
	if (!d) throw new Error(id);
	return d;
};

function state(t: number, events: CoachEvent[] = [], extra: Partial<CoachState> = {}): CoachState {
	return {
		t,
		body: null,
		metrics: null,
		view: 'front',
		setup: null,
		phase: 'rest',
		reps: 0,
		lastRepScore: null,
		holdSeconds: 0,
		holdTarget: 0,
		holdsCompleted: 0,
		heldSeconds: 0,
		holdsBySide: { left: 0, right: 0 },
		calibrating: false,
		side: null,
		cue: null,
		repProgress: null,
		lastRepRange: null,
		events,
		...extra
	};
}

const rep = (t: number, score = 90): CoachEvent => ({
	type: 'rep',
	t,
	count: 0,
	score,
	durationSeconds: 2
});

const holdDone = (t: number, side: Side | null): CoachEvent => ({
	type: 'hold-complete',
	t,
	seconds: 20,
	side,
	count: 0
});

describe('SetPlan: sets of reps', () => {
	const shrug = ex('shoulder-shrug'); // 2 sets × 12 reps

	it('takes its sets and reps from the dose, or from options', () => {
		const p = new SetPlan(shrug);
		expect([p.kind, p.sets, p.target, p.restSeconds]).toEqual([
			'reps',
			2,
			12,
			REST_AFTER_REPS_SECONDS
		]);
		const q = new SetPlan(shrug, { sets: 3, reps: 5, restSeconds: 30 });
		expect([q.sets, q.target, q.restSeconds]).toEqual([3, 5, 30]);
		expect(new SetPlan(shrug, { reps: null }).target).toBeNull();
		expect(new SetPlan(shrug, { sets: NaN, reps: -2 }).sets).toBe(2);
	});

	it('rests after a set, counts the rest down, then starts the next set', () => {
		const p = new SetPlan(shrug, { sets: 2, reps: 3, restSeconds: 40 });
		let u = p.observe(state(0), 100);
		for (let i = 1; i <= 2; i++) u = p.observe(state(i, [rep(i, 80 + i)]), 100 + i);
		expect(p.snapshot(102).status).toBe('Set 1 of 2 · 2 of 3 reps');
		u = p.observe(state(3, [rep(3, 70)]), 103);
		expect(u.say).toEqual(['Set 1 done. Rest 40 seconds.']);
		expect(p.phase).toBe('rest');
		expect(p.snapshot(113)).toMatchObject({ phase: 'rest', set: 2, restRemaining: 30 });
		expect(p.snapshot(113).status).toBe('Rest 30 s, then set 2 of 2');

		// Reps during the rest are not credited to anything.
		p.observe(state(4, [rep(4)]), 110);
		expect(p.tick(130).say).toEqual([]);
		expect(p.tick(138).say).toEqual(['Get ready.']);
		expect(p.tick(139).say).toEqual([]);
		u = p.tick(143);
		expect(u).toEqual({ say: ['Set 2 of 2. Go.'], newSet: true });
		expect(p.snapshot(143)).toMatchObject({ phase: 'work', set: 2, done: 0, restRemaining: 0 });

		// The caller reset the Coach: its clock starts again at 0.
		for (let i = 1; i <= 3; i++) u = p.observe(state(i, [rep(i, 60)]), 150 + i);
		expect(u.say).toEqual(['All sets done. Well done.']);
		expect(p.phase).toBe('done');
		expect(p.snapshot(160).status).toBe('All 2 sets done');

		const s = p.summary(160);
		expect(s.complete).toBe(true);
		expect(s.sets.map((r) => r.reps)).toEqual([3, 3]);
		expect(s.sets[0]!.scores).toEqual([81, 82, 70]);
		expect(s.sets[0]!.seconds).toBe(3);
		expect(s.totalReps).toBe(6);
		expect(s.meanScore).toBe(Math.round((81 + 82 + 70 + 180) / 6));
		expect(s.sides).toBeNull();
	});

	it('starts the next set at once when asked to skip the rest', () => {
		const p = new SetPlan(shrug, { sets: 2, reps: 1 });
		p.observe(state(1, [rep(1)]), 1);
		expect(p.skipRest()).toEqual({ say: ['Set 2 of 2. Go.'], newSet: true });
		expect(p.skipRest()).toEqual({ say: [], newSet: false });
	});

	it('never ends an open-ended set, and summarises the part done', () => {
		const p = new SetPlan(shrug, { reps: null });
		for (let i = 1; i <= 20; i++) p.observe(state(i, [rep(i)]), i);
		expect(p.phase).toBe('work');
		expect(p.snapshot(20).status).toBe('Set 1 of 2 · 20 reps');
		const s = p.summary(20);
		expect(s).toMatchObject({ complete: false, totalReps: 20 });
		expect(s.sets).toHaveLength(1);
		expect(s.sets[0]!.complete).toBe(false);
	});

	it('reset() forgets everything', () => {
		const p = new SetPlan(shrug, { reps: 1 });
		p.observe(state(1, [rep(1)]), 1);
		p.reset();
		expect(p.snapshot(2)).toMatchObject({ phase: 'work', set: 1, done: 0 });
		expect(p.summary(2).sets).toEqual([]);
	});
});

describe('SetPlan: holds', () => {
	it('counts holds toward the set and scores them with the Coach score', () => {
		const thor = ex('thoracic-extension-seated'); // 3 holds of 20 s, one set
		const p = new SetPlan(thor);
		expect([p.kind, p.sets, p.target]).toEqual(['holds', 1, 3]);
		p.observe(state(20, [holdDone(20, null)], { lastRepScore: 95 }), 20);
		p.observe(state(50, [holdDone(50, null)], { lastRepScore: 85 }), 50);
		const u = p.observe(state(80, [holdDone(80, null)], { lastRepScore: 75 }), 80);
		expect(u.say).toEqual(['Done. Well done.']);
		expect(p.summary(80)).toMatchObject({ totalHolds: 3, meanScore: 85, complete: true });
	});
});

describe('SetPlan: per-side holds', () => {
	const tilt = ex('neck-side-tilt'); // one 20 s hold each side

	/** `seconds` of frames holding `side` at 10 fps, then a completed hold. */
	function holdSide(p: SetPlan, t0: number, side: Side, seconds: number, score: number) {
		const says: string[] = [];
		for (let i = 0; i < seconds * 10; i++) {
			const t = t0 + i / 10;
			says.push(...p.observe(state(t, [], { side, phase: 'active' }), t).say);
		}
		const t = t0 + seconds;
		says.push(...p.observe(state(t, [holdDone(t, side)], { side, lastRepScore: score }), t).say);
		return says;
	}

	it('prompts the other side after the first, and summarises the asymmetry', () => {
		const p = new SetPlan(tilt);
		expect(p.kind).toBe('side-holds');
		expect(p.snapshot(0)).toMatchObject({ side: 'left', done: 0, target: 1 });
		expect(p.snapshot(0).status).toBe('0 of 1 hold each side · Left side now');
		expect(holdSide(p, 0, 'left', 30, 90)).toEqual(['Now the right side.']);
		expect(p.snapshot(31)).toMatchObject({ side: 'right', bySide: { left: 1, right: 0 } });
		expect(holdSide(p, 40, 'right', 20, 70)).toEqual(['Done. Well done.']);
		const s = p.summary(60);
		expect(s.sides?.left).toMatchObject({ holds: 1, meanScore: 90 });
		expect(s.sides?.left.heldSeconds).toBeCloseTo(30, 0);
		expect(s.sides?.right.heldSeconds).toBeCloseTo(20, 0);
		expect(s.asymmetry?.weaker).toBe('right');
		expect(s.asymmetry?.heldShare).toBeCloseTo(1 / 3, 1);
		expect(s.asymmetry?.scoreDiff).toBe(20);
		expect(asymmetryText(s.asymmetry)).toBe('Your right side held 33% less time than your left.');
	});

	it('alternates sides until each has its count, then asks for the missing side again', () => {
		const p = new SetPlan(tilt, { holds: 2 });
		const says = [
			...holdSide(p, 0, 'left', 1, 80),
			...holdSide(p, 10, 'right', 1, 80),
			...holdSide(p, 20, 'left', 1, 80),
			// The person does the left side once more: it counts there, right is still owed.
			...holdSide(p, 30, 'left', 1, 80)
		];
		expect(says).toEqual([
			'Now the right side.',
			'Now the left side.',
			'Now the right side.',
			'Now the right side.'
		]);
		expect(p.snapshot(40)).toMatchObject({ side: 'right', bySide: { left: 3, right: 1 } });
		expect(holdSide(p, 40, 'right', 1, 80)).toEqual(['Done. Well done.']);
	});

	it('does not time a side while the setup blocks counting', () => {
		const p = new SetPlan(tilt);
		const blocked = { id: 'wrong-view' as const, message: 'x', blocking: true };
		for (let i = 0; i < 50; i++)
			p.observe(state(i / 10, [], { side: 'left', phase: 'active', setup: blocked }), i / 10);
		expect(p.summary(5).sides?.left.heldSeconds).toBe(0);
	});
});

describe('asymmetry', () => {
	const side = (heldSeconds: number, meanScore: number | null) => ({
		holds: 1,
		heldSeconds,
		meanScore
	});

	it.each([
		{ l: 20, r: 20, ls: 90, rs: 88, weaker: null, text: 'Both sides were about even.' },
		{ l: 20, r: 20, ls: 60, rs: 90, weaker: 'left', text: /left side scored 30 points lower/ },
		{ l: 10, r: 20, ls: null, rs: 90, weaker: 'left', text: /left side held 50% less/ },
		{ l: 0, r: 0, ls: null, rs: null, weaker: null, text: null }
	] as const)('left $l s / right $r s → weaker $weaker', ({ l, r, ls, rs, weaker, text }) => {
		const a = asymmetryOf({ left: side(l, ls), right: side(r, rs) });
		expect(a.weaker).toBe(weaker);
		if (text === null) expect(asymmetryText(a)).toBeNull();
		else expect(asymmetryText(a)).toMatch(text);
	});
});

describe('SetPlan with the real Coach', () => {
	it('runs two sets of shrugs with a rest and a Coach reset in between', () => {
		const def = ex('shoulder-shrug');
		const shrugs = (n: number) =>
			sim.sequence(
				sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
				sim.repeat(n, {
					from: sim.standingNeutral,
					to: sim.shrugUp,
					upSeconds: 1,
					holdSeconds: 0.5,
					downSeconds: 1,
					restSeconds: 0.8
				}),
				sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
			);
		const coach = new Coach(def);
		const plan = new SetPlan(def, { sets: 2, reps: 4, restSeconds: 30 });
		const said: string[] = [];
		let wall = 0;
		const play = (n: number) => {
			for (const f of sim.generateFrames({
				timeline: shrugs(n),
				camera: DESK_CAMERA,
				noise: 'light'
			})) {
				wall += 1 / 30;
				const u = plan.observe(coach.process(f), wall);
				said.push(...u.say);
			}
		};
		play(5);
		expect(plan.phase).toBe('rest');
		expect(plan.summary(wall).sets[0]!.reps).toBe(4);
		const u = plan.tick(wall + 31);
		expect(u.newSet).toBe(true);
		coach.reset();
		wall += 31;
		play(4);
		expect(plan.phase).toBe('done');
		expect(said).toEqual(['Set 1 done. Rest 30 seconds.', 'All sets done. Well done.']);
		const s = plan.summary(wall);
		expect(s.sets.map((r) => r.reps)).toEqual([4, 4]);
		expect(s.meanScore).toBeGreaterThan(50);
	});

	it('alternates the sides of a neck tilt with the Coach', () => {
		const def = ex('neck-side-tilt');
		const timeline = sim.sequence(
			sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
			sim.transition(sim.standingNeutral, sim.neckTiltLeft, 2),
			sim.hold(sim.neckTiltLeft, 26),
			sim.transition(sim.neckTiltLeft, sim.standingNeutral, 2),
			sim.hold(sim.standingNeutral, 2),
			sim.transition(sim.standingNeutral, sim.neckTiltRight, 2),
			sim.hold(sim.neckTiltRight, 21),
			sim.transition(sim.neckTiltRight, sim.standingNeutral, 2)
		);
		const coach = new Coach(def);
		const plan = new SetPlan(def);
		const said: string[] = [];
		for (const f of sim.generateFrames({ timeline, camera: DESK_CAMERA, noise: 'light' })) {
			said.push(...plan.observe(coach.process(f), f.t).say);
		}
		expect(said).toEqual(['Now the right side.', 'Done. Well done.']);
		const s = plan.summary(100);
		expect(s.sides?.left.holds).toBe(1);
		expect(s.sides?.right.holds).toBe(1);
		// The left was held about 5 s longer than the right (26 vs 21 s in position).
		expect(s.sides!.left.heldSeconds).toBeGreaterThan(s.sides!.right.heldSeconds + 3);
		expect(s.asymmetry?.weaker).toBe('right');
	});
});
