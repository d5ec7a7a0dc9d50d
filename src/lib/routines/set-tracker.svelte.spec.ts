/**
 * The set tracker between a (fake) workout session and its set plan: states flow in, prompts
 * go out through the session, the rest timer runs on the injected clock, and a new set resets
 * the coach's counts.
 */
import { describe, expect, it } from 'vitest';
import type { CoachEvent, CoachState } from '$lib/engine/types';
import { getExercise } from '$lib/exercises';
import type { CountingSession } from '$lib/session/types';
import { SetTracker } from './set-tracker.svelte';

function fakeSession() {
	let listener: ((s: CoachState) => void) | null = null;
	const log: string[] = [];
	/** Every setCounting call, and how often the session was stopped (kept out of `log`). */
	const counting: boolean[] = [];
	let stops = 0;
	const session: CountingSession = {
		onState: (l) => {
			listener = l;
			return () => {
				listener = null;
				log.push('unsubscribed');
			};
		},
		say: (t) => void log.push(`say: ${t}`),
		resetCoach: () => void log.push('reset'),
		setCounting: (on) => void counting.push(on),
		stop: () => void stops++
	};
	const emit = (t: number, events: CoachEvent[]) =>
		listener?.({ t, events, lastRepScore: 80, side: null, phase: 'rest' } as unknown as CoachState);
	return {
		session,
		log,
		emit,
		subscribed: () => listener !== null,
		counting: () => counting.at(-1),
		stops: () => stops
	};
}

const rep = (t: number): CoachEvent => ({
	type: 'rep',
	t,
	count: 1,
	score: 80,
	durationSeconds: 2
});

describe('SetTracker', () => {
	it('follows the session through a set, a rest and the next set', () => {
		const { session, log, emit, subscribed } = fakeSession();
		let now = 0;
		let cleared = false;
		const tracker = new SetTracker(
			session,
			getExercise('shoulder-shrug')!,
			{ sets: 2, reps: 2, restSeconds: 20 },
			{ now: () => now, setInterval: () => 1, clearInterval: () => void (cleared = true) }
		);
		expect(tracker.snapshot.status).toBe('Set 1 of 2 · 0 of 2 reps');
		emit(1, [rep(1)]);
		expect(tracker.snapshot.done).toBe(1);
		emit(2, [rep(2)]);
		expect(tracker.snapshot.phase).toBe('rest');
		expect(log).toEqual(['say: Set 1 done. Rest 20 seconds.']);
		now = 12_000;
		tracker.tick();
		expect(Math.ceil(tracker.snapshot.restRemaining)).toBe(8);
		tracker.skipRest();
		expect(log.slice(1)).toEqual(['reset', 'say: Set 2 of 2. Go.']);
		emit(0.5, [rep(0.5)]);
		emit(1, [rep(1)]);
		expect(tracker.finished).toBe(true);
		expect(tracker.summary().totalReps).toBe(4);
		tracker.dispose();
		expect(subscribed()).toBe(false);
		expect(cleared).toBe(true);
	});

	it('starts over with the session', () => {
		const { session, emit } = fakeSession();
		const tracker = new SetTracker(
			session,
			getExercise('shoulder-shrug')!,
			{ reps: 5 },
			{
				now: () => 0,
				setInterval: () => 1,
				clearInterval: () => {}
			}
		);
		emit(1, [rep(1)]);
		tracker.reset();
		expect(tracker.snapshot.done).toBe(0);
		expect(tracker.summary().sets).toEqual([]);
	});

	it('pauses counting while resting and stops the session once, when the last set is done', () => {
		const { session, emit, counting, stops } = fakeSession();
		let now = 0;
		const tracker = new SetTracker(
			session,
			getExercise('shoulder-shrug')!,
			{ sets: 2, reps: 1, restSeconds: 5 },
			{ now: () => now, setInterval: () => 1, clearInterval: () => {} }
		);
		expect(counting()).toBe(true);
		emit(1, [rep(1)]);
		expect(tracker.snapshot.phase).toBe('rest');
		expect(counting()).toBe(false);
		expect(stops()).toBe(0);
		now = 5_000;
		tracker.tick();
		expect(tracker.snapshot.phase).toBe('work');
		expect(counting()).toBe(true);
		emit(1, [rep(1)]);
		expect(tracker.finished).toBe(true);
		expect(counting()).toBe(false);
		expect(stops()).toBe(1);
		// A late state (a frame already in the model) changes nothing and stops nothing again.
		emit(2, [rep(2)]);
		expect(tracker.summary().totalReps).toBe(2);
		expect(stops()).toBe(1);
		// Start over: counting again, set 1.
		tracker.reset();
		expect(counting()).toBe(true);
		expect(tracker.snapshot.set).toBe(1);
	});
});
