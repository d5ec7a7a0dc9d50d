/**
 * The workout session feeds its recording: one per start (or "Start over"), every frame's
 * events, ended on stop. The recording itself is a fake here (see recording.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { EndSignal, type FrameSource } from '$lib/camera/frame-source';
import type { CoachEvent, CoachState, ExerciseDefinition } from '$lib/engine/types';
import type { Body } from '$lib/pose/keypoints';
import { Speaker } from '$lib/speech/speaker';
import { getExercise } from '$lib/exercises';
import { SetTracker } from '$lib/routines/set-tracker.svelte';
import {
	WorkoutSession,
	type WorkoutDeps,
	type WorkoutRecording
} from '$lib/session/workout.svelte';

const exercise = { id: 'overhead-arm-reach', kind: 'rep' } as unknown as ExerciseDefinition;
const body: Body = { keypoints: [], width: 640, height: 480 };

class FakeRecording implements WorkoutRecording {
	events: CoachEvent[][] = [];
	ended = 0;
	handle(events: readonly CoachEvent[]) {
		this.events.push([...events]);
	}
	async end() {
		this.ended++;
	}
	result() {
		return this.ended > 0 ? { id: 'fake', seconds: 1 } : null;
	}
}

function setup() {
	let reps = 0;
	let frame: (() => Promise<void>) | null = null;
	const recordings: FakeRecording[] = [];
	const source: FrameSource = {
		kind: 'camera',
		label: 'Fake',
		mirrored: false,
		attach: async () => {},
		play: async () => {},
		detach: () => {},
		stop: () => {},
		onEnded: (l) => new EndSignal().add(l)
	};
	const deps: WorkoutDeps = {
		createCoach: () => ({
			process: ({ t }) =>
				({
					t,
					reps: ++reps,
					events: [{ type: 'rep', t, count: reps, score: 70, durationSeconds: 1 }]
				}) as unknown as CoachState,
			reset: () => (reps = 0)
		}),
		loadEstimator: async () => ({
			estimator: { estimate: async () => [body], reset: () => {}, dispose: () => {} },
			backend: 'wasm'
		}),
		pickPerson: (bodies) => bodies[0] ?? null,
		describeModelError: () => ({ title: '', message: '' }),
		openCamera: async () => source,
		listCameras: async () => [],
		speaker: new Speaker({ synth: null }),
		now: () => 0,
		startLoop: (_video, onFrame) => {
			frame = async () => {
				await onFrame(0);
			};
			return () => (frame = null);
		},
		recordWorkout: (exerciseId) => {
			expect(exerciseId).toBe('overhead-arm-reach');
			const r = new FakeRecording();
			recordings.push(r);
			return r;
		}
	};
	const session = new WorkoutSession(
		exercise,
		{ model: 'm', runtime: 'tfjs', backend: 'auto' },
		deps
	);
	session.attachVideo({ readyState: 4, videoWidth: 640, videoHeight: 480 } as HTMLVideoElement);
	const tick = async () => {
		if (!frame) throw new Error('loop not running');
		await frame();
	};
	return { session, recordings, tick };
}

describe('WorkoutSession recording', () => {
	it('starts a recording on the first frame and feeds it every frame', async () => {
		const t = setup();
		await t.session.startCamera();
		expect(t.recordings).toHaveLength(0);
		await t.tick();
		await t.tick();
		expect(t.recordings).toHaveLength(1);
		expect(t.recordings[0]!.events.map((e) => e[0]?.type)).toEqual(['rep', 'rep']);
	});

	it('ends it on stop, and a new start records a new workout', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		t.session.stop();
		expect(t.recordings[0]!.ended).toBe(1);
		await t.session.startCamera();
		await t.tick();
		expect(t.recordings).toHaveLength(2);
		t.session.dispose();
		expect(t.recordings[1]!.ended).toBe(1);
	});

	it('"Start over" ends the workout so far; the next frame begins another', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		t.session.resetCounts();
		expect(t.recordings[0]!.ended).toBe(1);
		await t.tick();
		expect(t.recordings).toHaveLength(2);
		expect(t.recordings[1]!.ended).toBe(0);
	});

	it('with counting off, frames move the skeleton but reach neither the coach nor the history', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		t.session.setCounting(false);
		await t.tick();
		await t.tick();
		expect(t.session.body).toBe(body);
		expect(t.session.state?.reps).toBe(1);
		expect(t.recordings[0]!.events).toHaveLength(1);
		t.session.setCounting(true);
		await t.tick();
		expect(t.session.state?.reps).toBe(2);
	});

	it('a set plan ends the workout on its last rep: that rep is saved, then the camera stops', async () => {
		const t = setup();
		const sets = new SetTracker(
			t.session,
			getExercise('overhead-arm-reach')!,
			{ sets: 1, reps: 2 },
			{ now: () => 0, setInterval: () => 1, clearInterval: () => {} }
		);
		await t.session.startCamera();
		await t.tick();
		await t.tick();
		expect(sets.finished).toBe(true);
		expect(t.session.phase).toBe('stopped');
		expect(t.session.source).toBeNull();
		expect(t.recordings).toHaveLength(1);
		expect(t.recordings[0]!.events.flat().filter((e) => e.type === 'rep')).toHaveLength(2);
		expect(t.recordings[0]!.ended).toBe(1);
		expect(t.session.savedWorkouts).toEqual([{ id: 'fake', seconds: 1 }]);
		// Counts that start over (Start over, a trace replayed from its start) restart the plan.
		t.session.resetCounts();
		expect(sets.finished).toBe(false);
		expect(sets.snapshot.done).toBe(0);
		expect(t.session.counting).toBe(true);
		sets.dispose();
	});
});
