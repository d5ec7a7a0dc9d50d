import { describe, expect, it } from 'vitest';
import { analyzeExercise } from '../analysis/exercise-report';
import { getExercise } from '../exercises';
import type { Body, PoseFrame } from '../pose/keypoints';
import * as sim from '../sim';
import { parseTrace, writeTrace } from './pose-trace';
import { DEFAULT_MAX_FRAMES, recordingNote, TraceRecorder } from './recorder';

/**
 * Keypoints are kept as 32-bit floats and written to 0.1 px: at most one rounding step off
 * (px), plus the slack of subtracting two decimals in binary floating point.
 */
const EPSILON_PX = 0.1 + 1e-9;
/** Scores are written to 0.001 (same slack). */
const EPSILON_SCORE = 0.001 + 1e-9;

const SIZE = { width: 640, height: 480 };

/** Five overhead reaches with realistic noise: dropped keypoints, jitter, a skipped frame. */
function reaches(seed = 3): PoseFrame[] {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	return sim.simulate({
		timeline,
		noise: 'realistic',
		seed,
		timeJitter: 0.2,
		skipProbability: 0.02
	}).frames;
}

function record(frames: readonly PoseFrame[], recorder = new TraceRecorder()): TraceRecorder {
	for (const f of frames) recorder.add(f.t, f.body, f.body ?? SIZE, 'stick-figure');
	return recorder;
}

function bodyAt(x: number): Body {
	return {
		keypoints: Array.from({ length: 17 }, (_, k) => ({ x: x + k, y: 100 + k, score: 0.9 })),
		width: 640,
		height: 480
	};
}

describe('TraceRecorder', () => {
	it('has nothing to save before the first frame', () => {
		const r = new TraceRecorder();
		expect(r.meta()).toBeNull();
		expect(r.jsonParts()).toBeNull();
		expect(r.toTrace()).toBeNull();
		expect(r.snapshot()).toEqual({ frames: 0, seconds: 0, full: false, dropped: 0 });
	});

	it('writes a trace the reader accepts, equal to writeTrace within the rounding', () => {
		const frames = reaches();
		// A stretch with nobody in view, and a body with keypoints the model did not give.
		frames.splice(40, 5, ...frames.slice(40, 45).map((f) => ({ t: f.t, body: null })));
		const holey = frames[60]!.body!;
		frames[60] = {
			t: frames[60]!.t,
			body: { ...holey, keypoints: holey.keypoints.map((k, i) => (i % 4 === 0 ? null : k)) }
		};
		const recorder = record(frames);
		const parsed = parseTrace(recorder.jsonParts(64)!.join(''));
		const reference = parseTrace(
			JSON.stringify(writeTrace(frames, { model: 'stick-figure', ...SIZE, fps: 30 }))
		);
		expect(parsed.model).toBe('stick-figure');
		expect(parsed.width).toBe(640);
		expect(parsed.height).toBe(480);
		expect(parsed.frames).toHaveLength(frames.length);
		parsed.frames.forEach((f, i) => {
			const ref = reference.frames[i]!;
			expect(f.t).toBe(ref.t);
			expect(f.body === null).toBe(ref.body === null);
			f.body?.keypoints.forEach((k, j) => {
				const r = ref.body!.keypoints[j] ?? null;
				expect(k === null).toBe(r === null);
				if (!k || !r) return;
				expect(Math.abs(k!.x - r.x)).toBeLessThanOrEqual(EPSILON_PX);
				expect(Math.abs(k!.y - r.y)).toBeLessThanOrEqual(EPSILON_PX);
				expect(Math.abs(k!.score - r.score)).toBeLessThanOrEqual(EPSILON_SCORE);
			});
		});
		// Keypoints the model did not give are written as [0, 0, 0], as writeTrace does, and
		// read back as not seen.
		expect(parsed.frames[60]!.body!.keypoints[0]).toBeNull();
	});

	it('replays to the same counts as the frames it recorded', () => {
		const def = getExercise('overhead-arm-reach')!;
		for (const seed of [1, 2, 3]) {
			const frames = reaches(seed);
			const direct = analyzeExercise(def, frames);
			const replayed = analyzeExercise(
				def,
				parseTrace(record(frames).jsonParts()!.join('')).frames
			);
			expect(direct.reps).toBe(5);
			expect(replayed.reps).toBe(direct.reps);
			expect(replayed.repTimes).toEqual(direct.repTimes);
		}
	});

	it('splits long recordings into parts across its storage chunks', () => {
		const r = new TraceRecorder();
		for (let i = 0; i < 2500; i++) r.add(i / 30, i % 7 ? bodyAt(i % 50) : null, SIZE, 'm');
		for (const perPart of [1, 333, 500, 10_000]) {
			const parts = r.jsonParts(perPart)!;
			expect(parts.length).toBe(Math.ceil(2500 / perPart) + 2);
			const trace = parseTrace(parts.join(''));
			expect(trace.frames).toHaveLength(2500);
			expect(trace.frames[2499]!.t).toBeCloseTo(2499 / 30, 4);
			expect(trace.frames[1030]!.body!.keypoints[5]!.x).toBeCloseTo((1030 % 50) + 5, 4);
		}
		expect(r.meta()!.fps).toBe(30);
	});

	it('keeps times strictly increasing at the trace resolution (0.1 ms)', () => {
		const r = new TraceRecorder();
		const ts = [0, 0.01, 0.01, 0.005, 0.01004, 0.01006, 0.02, -1, NaN, Infinity, 0.03];
		const kept = ts.map((t) => r.add(t, bodyAt(0), SIZE, 'm'));
		expect(kept).toEqual([true, true, false, false, false, true, true, false, false, false, true]);
		const trace = parseTrace(r.jsonParts()!.join(''));
		expect(trace.frames.map((f) => f.t)).toEqual([0, 0.01, 0.0101, 0.02, 0.03]);
	});

	it('stops at the cap, keeps the first frames and counts the rest', () => {
		const r = new TraceRecorder({ maxFrames: 10 });
		for (let i = 0; i < 25; i++) r.add(i / 10, bodyAt(i), SIZE, 'm');
		expect(r.snapshot()).toEqual({ frames: 10, seconds: 0.9, full: true, dropped: 15 });
		const trace = r.toTrace()!;
		expect(trace.frames).toHaveLength(10);
		expect(trace.frames.at(-1)!.t).toBe(0.9);
	});

	it('defaults to 10 minutes at 30 fps, under 4 MB of keypoints', () => {
		expect(new TraceRecorder().maxFrames).toBe(DEFAULT_MAX_FRAMES);
		expect(DEFAULT_MAX_FRAMES).toBe(18_000);
		// 17 keypoints × 3 float32 + a float64 time + a body flag per frame.
		expect(DEFAULT_MAX_FRAMES * (17 * 3 * 4 + 8 + 1)).toBeLessThan(4e6);
		expect(() => new TraceRecorder({ maxFrames: 0 })).toThrow(RangeError);
	});

	it('says what it keeps, and once full how much', () => {
		const r = new TraceRecorder({ maxFrames: 3 });
		expect(recordingNote(r.snapshot())).toBe(
			'Keypoints only, no video. Kept in this tab until you leave; the first 10 min or more.'
		);
		for (let i = 0; i < 4; i++) r.add(i * 200, bodyAt(i), SIZE, 'm');
		// Three frames 200 s apart: 400 s kept, shown in whole minutes.
		expect(recordingNote(r.snapshot(), 3)).toBe(
			'Recording full: the file keeps the first 7 min of this page.'
		);
	});

	it('scales frames of another size into the first frame size', () => {
		const r = new TraceRecorder();
		r.add(0, bodyAt(10), SIZE, 'm');
		const big: Body = { ...bodyAt(20), width: 1280, height: 960 };
		r.add(0.1, big, { width: 1280, height: 960 }, 'm');
		const trace = parseTrace(r.jsonParts()!.join(''));
		expect(trace.width).toBe(640);
		expect(trace.frames[1]!.body!.keypoints[0]).toEqual({ x: 10, y: 50, score: 0.9 });
	});

	it('names every model that produced frames, and forgets everything on clear', () => {
		const r = new TraceRecorder();
		r.add(0, bodyAt(0), SIZE, 'movenet-lightning');
		r.add(0.1, bodyAt(0), SIZE, 'blazepose-lite');
		r.add(0.2, null, SIZE, 'movenet-lightning');
		expect(r.meta()!.model).toBe('movenet-lightning + blazepose-lite');
		r.clear();
		expect(r.frames).toBe(0);
		expect(r.meta()).toBeNull();
		// Times may start again from 0 after a clear (a fresh set restarts the session clock).
		expect(r.add(0, null, SIZE, 'm')).toBe(true);
		expect(r.toTrace()!.frames).toEqual([{ t: 0, keypoints: null }]);
	});

	it('ignores frames without a usable size', () => {
		const r = new TraceRecorder();
		expect(r.add(0, null, { width: 0, height: 480 }, 'm')).toBe(false);
		expect(r.frames).toBe(0);
	});
});
