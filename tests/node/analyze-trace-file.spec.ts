/**
 * Pose-trace files for the analyser: `.json` and `.json.gz` both ways, content sniffing, the
 * input loader's errors, and the "not given" keypoints a trace writes as [0, 0, 0].
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeExercise } from '../../src/lib/analysis/exercise-report';
import { InputError, detectInputKind, loadInput } from '../../src/lib/analysis/node/input';
import { getExercise } from '../../src/lib/exercises';
import * as sim from '../../src/lib/sim';
import { isGzip, parseTrace, TraceError } from '../../src/lib/trace/pose-trace';
import { readTraceFile, writeTraceFile } from '../../src/lib/trace/trace-file';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'scapula-trace-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

function smallTrace() {
	const { frames } = sim.simulate({
		timeline: sim.repeat(2, { from: sim.standingNeutral, to: sim.overheadReach }),
		noise: 'realistic',
		fps: 15
	});
	return sim.toTraceJson(frames, { fps: 15 });
}

describe('trace files', () => {
	it('writes .json.gz compressed and .json plain, and reads both back the same', async () => {
		const trace = smallTrace();
		const gz = path.join(dir, 't.json.gz');
		const plain = path.join(dir, 't.json');
		await writeTraceFile(gz, trace);
		await writeTraceFile(plain, trace);
		const gzBytes = await readFile(gz);
		const plainBytes = await readFile(plain);
		expect(isGzip(gzBytes)).toBe(true);
		expect(isGzip(plainBytes)).toBe(false);
		expect(gzBytes.length).toBeLessThan(plainBytes.length / 2);
		const a = await readTraceFile(gz);
		const b = await readTraceFile(plain);
		expect(a).toEqual(b);
		expect(a.frames).toHaveLength(trace.frames.length);
		expect(a).toEqual(parseTrace(JSON.stringify(trace)));
	});

	it('goes by the bytes, not the name: gzip named .json reads, junk named .gz is a TraceError', async () => {
		const trace = smallTrace();
		const misnamed = path.join(dir, 'really-gzip.json');
		await writeFile(misnamed, gzipSync(JSON.stringify(trace)));
		expect((await readTraceFile(misnamed)).frames).toHaveLength(trace.frames.length);

		const junk = path.join(dir, 'junk.json.gz');
		await writeFile(junk, Buffer.from([0x1f, 0x8b, 0, 0, 0]));
		await expect(readTraceFile(junk)).rejects.toThrow(TraceError);
		await expect(readTraceFile(junk)).rejects.toThrow(/not a valid gzip file/);
	});

	it('tells traces from videos by name, then by content', async () => {
		const json = path.join(dir, 'trace.data');
		await writeFile(json, '  {"format": "pose-trace"}');
		const gz = path.join(dir, 'trace.bin');
		await writeFile(gz, gzipSync('{}'));
		const video = path.join(dir, 'clip.mp4');
		await writeFile(video, 'not really a video');
		expect(await detectInputKind(json)).toBe('trace');
		expect(await detectInputKind(gz)).toBe('trace');
		expect(await detectInputKind(video)).toBe('video');
		expect(await detectInputKind(path.join(dir, 'named.json.gz'))).toBe('trace');
	});

	it('loadInput turns every user-fixable problem into an InputError', async () => {
		await expect(loadInput(path.join(dir, 'missing.json'))).rejects.toThrow(InputError);
		await expect(loadInput(path.join(dir, 'missing.json'))).rejects.toThrow(/no such file/);
		await expect(loadInput(dir)).rejects.toThrow(/is not a file/);
		const bad = path.join(dir, 'bad.json');
		await writeFile(bad, JSON.stringify({ ...smallTrace(), version: 2 }));
		await expect(loadInput(bad)).rejects.toThrow(/bad pose trace .*field "version": expected 1/);
	});
});

describe('keypoints a trace marks as not given', () => {
	const def = getExercise('overhead-arm-reach')!;
	it('do not fake reps: a trace counts what its frames count', async () => {
		// Wrists dropped in 3 % of frames are written as [0, 0, 0]; read back as points at the
		// image corner they dragged the smoothed wrists across the frame (10 reaches → 16–19).
		for (const seed of [1, 2]) {
			const timeline = sim.sequence(
				sim.idle(2),
				sim.repeat(10, { from: sim.standingNeutral, to: sim.overheadReach }),
				sim.idle(2)
			);
			const noise = { ...sim.NOISE_PRESETS.realistic, dropProbability: 0.03 };
			const { frames } = sim.simulate({ timeline, noise, seed });
			const file = path.join(dir, `dropped-${seed}.json.gz`);
			await writeTraceFile(file, sim.toTraceJson(frames, { fps: 30 }));
			const input = await loadInput(file);
			expect(analyzeExercise(def, frames).reps).toBe(10);
			expect(analyzeExercise(def, input.frames).reps).toBe(10);
		}
	});

	it('become null when the trace is read; the others stay', () => {
		const trace = smallTrace();
		trace.frames[1]!.keypoints![9] = [0, 0, 0];
		const frames = parseTrace(JSON.stringify(trace)).frames;
		expect(frames[1]!.body!.keypoints[9]).toBeNull();
		expect(frames[1]!.body!.keypoints[10]).not.toBeNull();
	});
});
