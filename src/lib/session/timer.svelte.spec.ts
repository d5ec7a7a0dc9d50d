import { describe, expect, it } from 'vitest';
import type { CoachEvent } from '$lib/engine/types';
import { getExercise } from '$lib/exercises';
import { Speaker } from '$lib/speech/speaker';
import { REST_SECONDS } from './guided-timer';
import { TimerSession } from './timer.svelte';
import type { WorkoutRecording } from './workout.svelte';

/** A recording that keeps what it was given. */
function fakeRecordings() {
	const all: { exerciseId: string; events: CoachEvent[]; ended: boolean }[] = [];
	const record = (exerciseId: string): WorkoutRecording => {
		const r = { exerciseId, events: [] as CoachEvent[], ended: false };
		all.push(r);
		return {
			handle: (events) => void r.events.push(...events),
			end: async () => void (r.ended = true),
			result: () => (r.ended ? { id: `w${all.indexOf(r)}`, seconds: 1 } : null)
		};
	};
	return { all, record };
}

function setup() {
	let now = 0;
	const recordings = fakeRecordings();
	const def = getExercise('childs-pose')!;
	const timer = new TimerSession(def, {
		speaker: new Speaker({ synth: null }),
		now: () => now,
		setInterval: () => 1,
		clearInterval: () => {},
		record: recordings.record
	});
	const advance = (seconds: number) => {
		now += seconds * 1000;
		timer.tick();
	};
	return { timer, recordings, advance, def };
}

describe('TimerSession history', () => {
	it('saves a guided timer like a workout: each round a timed hold, finished when done', () => {
		const { timer, recordings, advance } = setup();
		const rounds = timer.snapshot.rounds;
		const seconds = timer.workSeconds / rounds;
		timer.start();
		expect(recordings.all).toHaveLength(1);
		for (let i = 0; i < rounds; i++) advance(seconds + REST_SECONDS);
		expect(timer.snapshot.phase).toBe('done');
		const r = recordings.all[0]!;
		expect(r.exerciseId).toBe('childs-pose');
		expect(r.events.map((e) => e.type)).toEqual(Array(rounds).fill('hold-complete'));
		expect(r.events.map((e) => (e.type === 'hold-complete' ? e.seconds : 0))).toEqual(
			Array(rounds).fill(seconds)
		);
		expect(r.ended).toBe(true);
		expect(timer.savedWorkouts).toEqual([{ id: 'w0', seconds: 1 }]);
	});

	it('a pause ends the saved workout, a resume starts another; no round is saved twice', () => {
		const { timer, recordings, advance } = setup();
		const seconds = timer.workSeconds / timer.snapshot.rounds;
		timer.start();
		advance(seconds + 1);
		timer.pause();
		expect(recordings.all[0]!.ended).toBe(true);
		expect(recordings.all[0]!.events).toHaveLength(1);
		timer.start();
		expect(recordings.all).toHaveLength(2);
		advance(1);
		expect(recordings.all[1]!.events).toHaveLength(0);
		timer.dispose();
		expect(recordings.all[1]!.ended).toBe(true);
	});
});
