/**
 * Engine cost per frame in Node: smoothing + metrics + setup checks + rules, i.e. one
 * `Coach.process` call, over a long generated trace of one exercise (overhead reaches with rests,
 * realistic keypoint noise, 30 fps). No model, no DOM.
 *
 * Both CPU time and wall time are measured per run; the figure is the median run's CPU time per
 * frame, because on a shared machine wall time also counts the slices other processes get (CPU
 * time includes the garbage collector's helper threads, so it is not flattering either).
 */
import { Coach } from '../src/lib/engine/coach';
import { getExercise } from '../src/lib/exercises';
import type { PoseFrame } from '../src/lib/pose/keypoints';
import * as sim from '../src/lib/sim';

export interface EngineResult {
	exercise: string;
	frames: number;
	runs: number;
	/** Median over runs of CPU µs per frame: the figure compared with the target. */
	cpuMicrosPerFrame: number;
	/** Median over runs of wall-clock µs per frame. */
	wallMicrosPerFrame: number;
	/** Every run, CPU µs per frame. */
	cpuRuns: number[];
	/** Reps the coach counted on the trace (a sanity check: the trace has `repsInTrace`). */
	reps: number;
	repsInTrace: number;
}

const EXERCISE = 'overhead-arm-reach';

/** `minutes` of overhead reaches (3.5 s each, with rests) at 30 fps with realistic noise. */
export function engineTrace(minutes: number): { frames: PoseFrame[]; reps: number } {
	const seconds = minutes * 60;
	const reps = Math.floor((seconds - 4) / 3.5 / 2);
	const timeline = sim.sequence(
		sim.idle(2),
		sim.repeat(reps, { from: sim.standingNeutral, to: sim.overheadReach, restSeconds: 0.5 }),
		sim.idle(Math.max(1, seconds - 2 - reps * 3.5))
	);
	return { frames: sim.simulate({ timeline, noise: 'realistic', seed: 7 }).frames, reps };
}

const median = (values: readonly number[]): number => {
	const v = [...values].sort((a, b) => a - b);
	return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};

export function benchEngine(options: { minutes: number; runs: number }): EngineResult {
	const def = getExercise(EXERCISE);
	if (!def) throw new Error(`no exercise ${EXERCISE}`);
	const { frames, reps: repsInTrace } = engineTrace(options.minutes);
	// One untimed pass: the JIT compiles the hot paths.
	let reps = 0;
	{
		const coach = new Coach(def);
		for (const f of frames) reps = coach.process(f).reps;
	}
	const cpu: number[] = [];
	const wall: number[] = [];
	for (let i = 0; i < options.runs; i++) {
		const coach = new Coach(def);
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		for (const f of frames) coach.process(f);
		const t1 = performance.now();
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / frames.length);
		wall.push(((t1 - t0) * 1000) / frames.length);
	}
	return {
		exercise: EXERCISE,
		frames: frames.length,
		runs: options.runs,
		cpuMicrosPerFrame: round(median(cpu), 2),
		wallMicrosPerFrame: round(median(wall), 2),
		cpuRuns: cpu.map((v) => round(v, 2)),
		reps,
		repsInTrace
	};
}

function round(v: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}
