/**
 * The workout session's trace features with fake browser dependencies: recording the raw
 * tracked bodies of a camera session, saving them, and replaying a trace through the real Coach
 * to the same counts as the command-line analyser.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeExercise } from '$lib/analysis/exercise-report';
import { EndSignal, type FrameSource } from '$lib/camera/frame-source';
import { Coach } from '$lib/engine/coach';
import { getExercise } from '$lib/exercises';
import type { Body } from '$lib/pose/keypoints';
import * as sim from '$lib/sim';
import { Speaker } from '$lib/speech/speaker';
import type { EstimatorLike } from '$lib/session/types';
import { WorkoutSession, type WorkoutDeps } from '$lib/session/workout.svelte';
import { readTraceBlob } from './browser-io';
import { parseTrace } from './pose-trace';

const exercise = getExercise('overhead-arm-reach')!;

/** Five overhead reaches with realistic noise, as a pose trace (JSON text). */
function reachesTrace(seed = 5): string {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	const { frames } = sim.simulate({ timeline, noise: 'realistic', seed, timeJitter: 0.1 });
	return JSON.stringify(sim.toTraceJson(frames, { fps: 30 }));
}

/** What the command-line analyser reports for a trace (same steps as its loadInput). */
const analyse = (text: string) => analyzeExercise(exercise, parseTrace(text).frames);

const file = (data: string | Uint8Array, name: string) =>
	Object.assign(new Blob([data as BlobPart]), { name });

class FakeCamera implements FrameSource {
	readonly kind = 'camera' as const;
	readonly label = 'Fake';
	readonly mirrored = true;
	ended = new EndSignal();
	async attach() {}
	async play() {}
	detach() {}
	stop() {}
	onEnded(l: (r: 'disconnected' | 'finished') => void) {
		return this.ended.add(l);
	}
}

function setup() {
	let now = 0;
	let display: (() => void) | null = null;
	let videoFrame: (() => Promise<void>) | null = null;
	const person: Body = {
		keypoints: Array.from({ length: 17 }, (_, k) => ({ x: 300 + k, y: 100 + 10 * k, score: 0.8 })),
		width: 640,
		height: 480
	};
	const estimator: EstimatorLike = {
		estimate: async () => {
			now += 40;
			return [person];
		},
		reset: () => {},
		dispose: () => {}
	};
	const deps: WorkoutDeps = {
		createCoach: (def) => new Coach(def),
		loadEstimator: async () => ({ estimator, backend: 'wasm' }),
		pickPerson: (bodies) => bodies[0] ?? null,
		describeModelError: (e) => ({ title: 'Model failed', message: String(e) }),
		openCamera: async () => new FakeCamera(),
		listCameras: async () => [],
		speaker: new Speaker({ synth: null }),
		now: () => now,
		startLoop: (_video, onFrame) => {
			videoFrame = async () => onFrame(now);
			return () => (videoFrame = null);
		},
		requestFrame: (cb) => {
			display = cb;
			return () => {
				if (display === cb) display = null;
			};
		}
	};
	const session = new WorkoutSession(
		exercise,
		{ model: 'movenet-lightning', runtime: 'tfjs', backend: 'auto' },
		deps
	);
	session.attachVideo({ readyState: 4, videoWidth: 640, videoHeight: 480 } as HTMLVideoElement);
	return {
		session,
		advance: (ms: number) => (now += ms),
		/** One display refresh (trace replay). */
		refresh() {
			const cb = display;
			display = null;
			cb?.();
		},
		/** One camera frame through the estimator. */
		async cameraFrame() {
			if (!videoFrame) throw new Error('camera loop not running');
			now += 30;
			await videoFrame();
		},
		get replaying() {
			return display !== null;
		}
	};
}

/** Refreshes the display until the replay ends (skipping: no waiting on the clock). */
function skipToEnd(t: ReturnType<typeof setup>) {
	t.session.skipReplay();
	for (let i = 0; i < 100 && t.replaying; i++) t.refresh();
	expect(t.replaying).toBe(false);
}

describe('WorkoutSession trace replay', () => {
	it('counts what the analyser counts, skipping to the end', async () => {
		const t = setup();
		const text = reachesTrace();
		await t.session.openTrace(file(new Uint8Array(gzipSync(text)), 'reaches.json.gz'));
		expect(t.session.phase).toBe('running');
		expect(t.session.replay?.label).toBe('reaches.json.gz');
		expect(t.session.replay?.width).toBe(640);
		skipToEnd(t);
		const cli = analyse(text);
		expect(cli.reps).toBe(5);
		expect(t.session.state?.reps).toBe(cli.reps);
		expect(t.session.problem?.title).toBe('The replay ended');
		expect(t.session.problem?.actions).toEqual(['replay', 'retry-camera']);
	});

	it('plays in real time at the trace’s own times', async () => {
		const t = setup();
		const text = reachesTrace(6);
		await t.session.openTrace(file(text, 'reaches.json'));
		t.refresh();
		expect(t.session.state?.t).toBe(0);
		t.advance(2000);
		t.refresh();
		expect(t.session.state!.t).toBeGreaterThan(1.9);
		expect(t.session.state!.t).toBeLessThanOrEqual(2);
		// The rest in real time, a display refresh every 16 ms.
		for (let i = 0; i < 10_000 && t.replaying; i++) {
			t.advance(16);
			t.refresh();
		}
		expect(t.session.state?.reps).toBe(analyse(text).reps);
	});

	it('replays again from the start with fresh counts', async () => {
		const t = setup();
		const text = reachesTrace(7);
		await t.session.openTrace(file(text, 'reaches.json'));
		skipToEnd(t);
		const reps = t.session.state?.reps;
		await t.session.reconnect(); // the "Play again" action
		expect(t.session.phase).toBe('running');
		skipToEnd(t);
		expect(t.session.state?.reps).toBe(reps);
	});

	it('shows the reader’s message for a bad trace and keeps the counts', async () => {
		const t = setup();
		const text = reachesTrace(8);
		await t.session.openTrace(file(text, 'good.json'));
		skipToEnd(t);
		const reps = t.session.state!.reps;
		expect(reps).toBe(5);
		const bad = JSON.parse(text);
		bad.frames[37].keypoints[5] = [1, 2, 7];
		await t.session.openTrace(file(JSON.stringify(bad), 'bad.json'));
		expect(t.session.problem?.kind).toBe('bad-trace');
		expect(t.session.problem?.message).toBe(
			'bad.json: frames[37].keypoints[5] (left_shoulder): score 7 is outside 0..1'
		);
		expect(t.session.problem?.actions).toEqual(['open-trace']);
		expect(t.session.state?.reps).toBe(reps);
		await t.session.openTrace(file('{"format":"pose-trace","version":1', 'cut.json'));
		expect(t.session.problem?.message).toMatch(/^cut\.json: not JSON/);
		await t.session.openTrace(file(text.replace(/"frames":\[.*\]/, '"frames":[]'), 'empty.json'));
		expect(t.session.problem?.message).toMatch(/empty/);
		expect(t.session.state?.reps).toBe(reps);
	});
});

describe('WorkoutSession trace recording', () => {
	it('records the raw tracked body of every camera frame with the session time', async () => {
		const t = setup();
		expect(await t.session.exportTrace()).toBeNull();
		await t.session.startCamera();
		for (let i = 0; i < 40; i++) await t.cameraFrame();
		expect(t.session.traceRecording.frames).toBeGreaterThan(0);
		const saved = await t.session.exportTrace(new Date(2025, 0, 2, 3, 4).getTime());
		expect(saved!.filename).toBe('scapula-overhead-arm-reach-2025-01-02-0304.json.gz');
		const trace = await readTraceBlob(saved!.blob);
		expect(trace.model).toBe('movenet-lightning');
		expect([trace.width, trace.height]).toEqual([640, 480]);
		expect(trace.frames).toHaveLength(40);
		// Unsmoothed: exactly what the estimator gave.
		expect(trace.frames[39]!.body!.keypoints[3]).toEqual({ x: 303, y: 130, score: 0.8 });
		// The times the coach saw (session clock: 70 ms a frame here).
		expect(trace.frames[1]!.t - trace.frames[0]!.t).toBeCloseTo(0.07, 4);
	});

	it('records on through "Start over" (a new set), with time running on', async () => {
		const t = setup();
		await t.session.startCamera();
		for (let i = 0; i < 5; i++) await t.cameraFrame();
		t.session.resetCounts();
		expect(t.session.state).toBeNull();
		for (let i = 0; i < 3; i++) await t.cameraFrame();
		const trace = await readTraceBlob((await t.session.exportTrace())!.blob);
		expect(trace.frames).toHaveLength(8);
		const ts = trace.frames.map((f) => f.t);
		expect(ts.every((v, i) => i === 0 || v > ts[i - 1]!)).toBe(true);
	});

	it('a trace replay neither adds to the camera recording nor clears it', async () => {
		const t = setup();
		await t.session.startCamera();
		for (let i = 0; i < 6; i++) await t.cameraFrame();
		const before = await readTraceBlob((await t.session.exportTrace())!.blob);
		await t.session.openTrace(file(reachesTrace(9), 'reaches.json'));
		skipToEnd(t);
		expect(t.session.state?.reps).toBe(5);
		const after = await readTraceBlob((await t.session.exportTrace())!.blob);
		expect(after).toEqual(before);
		expect(after.model).toBe('movenet-lightning');
	});
});
