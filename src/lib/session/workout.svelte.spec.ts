import { describe, expect, it, vi } from 'vitest';
import { CameraError } from '$lib/camera/camera-source';
import { cameraProblem } from '$lib/camera/errors';
import { EndSignal, type FrameSource } from '$lib/camera/frame-source';
import type { CoachState, ExerciseDefinition } from '$lib/engine/types';
import type { Body, PoseFrame } from '$lib/pose/keypoints';
import type { EstimatorLike } from '$lib/session/types';
import { SetTracker } from '$lib/routines/set-tracker.svelte';
import { Speaker } from '$lib/speech/speaker';
import { recordingSpeaker } from '$lib/speech/test-helpers';
import { Coach } from '$lib/engine/coach';
import { getExercise } from '$lib/exercises';
import * as sim from '$lib/sim';
import { Announcer } from './announcer.svelte';
import { WorkoutSession, type CoachLike, type WorkoutDeps } from './workout.svelte';

const exercise = {
	id: 'test',
	name: 'Test',
	kind: 'rep',
	view: 'front',
	requires: [],
	dose: { sets: 1, reps: 3 },
	instructions: ['Do it.'],
	rules: [],
	cameraChecked: true
} as unknown as ExerciseDefinition;

const body: Body = { keypoints: [], width: 640, height: 480 };

/** A coach that counts a rep on every frame and records the times it saw. */
class CountingCoach implements CoachLike {
	reps = 0;
	times: number[] = [];
	process(frame: PoseFrame): CoachState {
		this.reps++;
		this.times.push(frame.t);
		return {
			t: frame.t,
			body: frame.body,
			metrics: null,
			view: 'front',
			setup: null,
			phase: 'rest',
			reps: this.reps,
			lastRepScore: 90,
			holdSeconds: 0,
			holdTarget: 0,
			holdsCompleted: 0,
			holdsBySide: { left: 0, right: 0 },
			calibrating: false,
			side: null,
			cue: null,
			repProgress: 0.5,
			lastRepRange: null,
			events: [{ type: 'rep', t: frame.t, count: this.reps, score: 90, durationSeconds: 1 }]
		} as unknown as CoachState;
	}
	reset() {
		this.reps = 0;
	}
}

class FakeSource implements FrameSource {
	readonly kind = 'camera' as const;
	readonly label = 'Fake';
	readonly mirrored = true;
	readonly deviceId = 'cam-1';
	ended = new EndSignal();
	stopped = false;
	async attach() {}
	async play() {}
	detach() {}
	stop() {
		this.stopped = true;
	}
	onEnded(l: (r: 'disconnected' | 'finished') => void) {
		return this.ended.add(l);
	}
}

function setup(overrides: Partial<WorkoutDeps> = {}, def: ExerciseDefinition = exercise) {
	let now = 0;
	const coach = new CountingCoach();
	const sources: FakeSource[] = [];
	let frame: (() => Promise<void>) | null = null;
	const estimator: EstimatorLike = {
		estimate: vi.fn(async () => {
			now += 30; // the model takes 30 ms
			return [body];
		}),
		reset: vi.fn(),
		dispose: vi.fn()
	};
	const deps: WorkoutDeps = {
		createCoach: () => coach,
		loadEstimator: async () => ({ estimator, backend: 'wasm' }),
		pickPerson: (bodies) => bodies[0] ?? null,
		describeModelError: (e) => ({ title: 'Model failed', message: String(e) }),
		openCamera: async () => {
			const s = new FakeSource();
			sources.push(s);
			return s;
		},
		listCameras: async () => [{ deviceId: 'cam-1', label: 'Fake' }],
		speaker: new Speaker({ synth: null }),
		now: () => now,
		// Like startFrameLoop: errors go to onError, which stops the loop by returning false.
		startLoop: (_video, onFrame, options) => {
			frame = async () => {
				try {
					await onFrame(now);
				} catch (e) {
					if (options?.onError?.(e) === false) frame = null;
				}
			};
			return () => (frame = null);
		},
		...overrides
	};
	const session = new WorkoutSession(def, { model: 'm', runtime: 'tfjs', backend: 'auto' }, deps);
	const video = { readyState: 4, videoWidth: 640, videoHeight: 480 } as HTMLVideoElement;
	session.attachVideo(video);
	return {
		session,
		coach,
		sources,
		estimator,
		advance: (ms: number) => (now += ms),
		tick: async () => {
			if (!frame) throw new Error('loop not running');
			await frame();
		},
		get looping() {
			return frame !== null;
		}
	};
}

describe('WorkoutSession', () => {
	it('runs frames through the estimator and coach and times them', async () => {
		const t = setup();
		await t.session.startCamera();
		expect(t.session.phase).toBe('running');
		expect(t.session.backend).toBe('wasm');
		await t.tick();
		await t.tick();
		expect(t.session.state?.reps).toBe(2);
		expect(t.session.announcement).toBe('2');
		expect(t.session.cameraId).toBe('cam-1');
		const stats = t.session.statsSnapshot();
		expect(stats.frames).toBe(2);
	});

	it("speaks through a page's shared announcer, and leaves stopping it to the page", async () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const announcer = new Announcer(speaker);
		const t = setup({ announcer });
		// A routine player's prompt is being spoken when the item's first rep is counted.
		announcer.say('Next: test, 3 reps.');
		await t.session.startCamera();
		await t.tick();
		expect(t.session.announcement).toBe('1');
		expect(spoken).toEqual(['Next: test, 3 reps.']);
		// The item ends: its count still follows the prompt (an owned announcer would be cancelled).
		t.session.dispose();
		finish();
		expect(spoken).toEqual(['Next: test, 3 reps.', '1']);
	});

	it('keeps counts when the camera is unplugged, and pauses the session clock', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		t.sources[0]!.ended.fire('disconnected');
		expect(t.session.problem?.kind).toBe('disconnected');
		expect(t.session.problem?.actions).toContain('reconnect');
		expect(t.looping).toBe(false);
		expect(t.sources[0]!.stopped).toBe(true);
		t.advance(60_000); // a minute unplugged
		await t.session.reconnect();
		expect(t.session.problem).toBeNull();
		await t.tick();
		expect(t.session.state?.reps).toBe(2);
		// The coach's clock skipped the minute away.
		const [first, second] = t.coach.times;
		expect(second! - first!).toBeLessThan(1);
	});

	it('reports a camera error with its fix and offers a video file', async () => {
		const t = setup({
			openCamera: async () => {
				throw new CameraError(cameraProblem('not-found'));
			}
		});
		await t.session.startCamera();
		expect(t.session.phase).toBe('error');
		expect(t.session.problem?.title).toBe('No camera found');
		expect(t.session.problem?.actions).toEqual(['retry-camera', 'open-file']);
	});

	it('keeps counts across a model failure and recovers on retry', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		vi.mocked(t.estimator.estimate).mockRejectedValueOnce(new Error('context lost'));
		await t.tick();
		expect(t.session.problem?.source).toBe('model');
		expect(t.session.problem?.message).toMatch(/context lost/);
		expect(t.looping).toBe(false);
		expect(t.session.state?.reps).toBe(1);
		await t.session.retryModel();
		expect(t.session.phase).toBe('running');
		await t.tick();
		expect(t.session.state?.reps).toBe(2);
	});

	it('reports a model load failure without losing the camera', async () => {
		const t = setup({
			loadEstimator: async () => {
				throw new Error('missing file');
			}
		});
		await t.session.startCamera();
		expect(t.session.problem?.source).toBe('model');
		expect(t.session.problem?.actions).toEqual(['retry-model']);
		expect(t.session.modelStatus).toBe('error');
		expect(t.sources[0]!.stopped).toBe(false);
	});

	it('drops a frame that finishes after stop', async () => {
		const t = setup();
		await t.session.startCamera();
		const pending = t.tick();
		t.session.stop();
		await pending;
		expect(t.session.state).toBeNull();
		expect(t.session.phase).toBe('stopped');
	});

	it('drops a frame still in the model when the tab is hidden, and counts again when shown', async () => {
		let visibility: ((hidden: boolean) => void) | null = null;
		const t = setup({
			onVisibilityChange: (listener) => {
				visibility = listener;
				return () => {};
			}
		});
		await t.session.startCamera();
		await t.tick();
		expect(t.session.state?.reps).toBe(1);
		const inFlight = t.tick();
		visibility!(true);
		await inFlight;
		expect(t.session.problem?.kind).toBe('hidden');
		expect(t.session.state?.reps).toBe(1);
		expect(t.session.statsSnapshot().frames).toBe(1);
		visibility!(false);
		await vi.waitFor(() => expect(t.looping).toBe(true));
		await t.tick();
		expect(t.session.state?.reps).toBe(2);
	});

	it('starts over on request', async () => {
		const t = setup();
		await t.session.startCamera();
		await t.tick();
		t.session.resetCounts();
		expect(t.session.state).toBeNull();
		await t.tick();
		expect(t.session.state?.reps).toBe(1);
	});
});

describe('WorkoutSession: more than one person in view', () => {
	/** The real coach on a simulated person standing still; the model sees `people` of them. */
	async function standWith(people: number) {
		const shrug = getExercise('shoulder-shrug')!;
		const { frames } = sim.simulate({
			timeline: sim.idle(3, { posture: sim.standingNeutral }),
			camera: { view: 'front', distanceM: 1.2, target: { y: 1.4 } },
			noise: 'none'
		});
		let i = 0;
		const t = setup(
			{
				createCoach: (def) => new Coach(def),
				loadEstimator: async () => ({
					estimator: {
						estimate: async () => {
							const b = frames[Math.min(i++, frames.length - 1)]!.body;
							return b ? Array.from({ length: people }, () => b) : [];
						},
						reset() {},
						dispose() {}
					},
					backend: 'wasm'
				})
			},
			shrug
		);
		const session = t.session;
		await session.startCamera();
		for (let k = 0; k < 60; k++) {
			t.advance(50);
			await t.tick();
		}
		return session;
	}

	it('tells the person when the model sees two people, and not when it sees one', async () => {
		const two = await standWith(2);
		expect(two.state?.setup?.id).toBe('two-people');
		expect(two.announcement).toMatch(/more than one person/i);
		const one = await standWith(1);
		expect(one.state?.setup?.id).not.toBe('two-people');
		expect(one.announcement).not.toMatch(/more than one person/i);
	});
});

describe('WorkoutSession: what it says, through its one announcer', () => {
	it('says a set plan’s prompts after the last count, none of them lost behind it', async () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const t = setup({ speaker });
		// Two sets of two reps, no rest: the second rep ends set 1 and starts set 2 at once.
		const tracker = new SetTracker(
			t.session,
			exercise,
			{ sets: 2, reps: 2, restSeconds: 0 },
			{ now: () => 0, setInterval: () => 1, clearInterval: () => undefined }
		);
		await t.session.startCamera();
		await t.tick();
		await t.tick();
		// "1" is still being spoken: the count "2" and both prompts wait; the prompts win, together.
		expect(spoken).toEqual(['1']);
		expect(t.session.announcement).toBe('Set 2 of 2. Go.');
		finish();
		expect(spoken).toEqual(['1', 'Set 1 done. Set 2 of 2. Go.']);
		tracker.dispose();
	});
});
