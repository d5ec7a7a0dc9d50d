/**
 * The command-line analyser as a user runs it: a child process (`tsx src/cli/analyze.ts`) on
 * generated pose traces, the catalog, bad inputs, and one real clip through the real pose model.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES } from '../../src/lib/exercises';
import * as sim from '../../src/lib/sim';
import { writeTraceFile } from '../../src/lib/trace/trace-file';
import { POSTURE_STATES } from '../../src/lib/posture/types';
import {
	nudgeAfterText,
	samplingSummary,
	STATE_LABEL,
	STATE_MEANING
} from '../../src/lib/posture/text';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = path.join(ROOT, 'src/cli/analyze.ts');
const MEDIA = path.join(ROOT, 'tests/fixtures/media');

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function cli(...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[TSX, CLI, ...args],
			{ cwd: ROOT, maxBuffer: 1 << 26 },
			(err, stdout, stderr) => {
				const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
				resolve({ code, stdout, stderr });
			}
		);
	});
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'scapula-analyze-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** Five overhead reaches after standing still, with realistic pose-model noise. */
function reachesTrace(seed = 1) {
	const timeline = sim.sequence(
		sim.idle(2, { sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { sway: 0.5 })
	);
	const { frames, events } = sim.simulate({ timeline, noise: 'realistic', seed });
	return { trace: sim.toTraceJson(frames, { fps: 30 }), events };
}

describe('analyze on a generated trace', () => {
	it('counts the five reaches of a .json.gz trace and prints the documented JSON', async () => {
		const { trace, events } = reachesTrace();
		const file = path.join(dir, 'reaches.json.gz');
		await writeTraceFile(file, trace);
		const r = await cli(file, '--exercise', 'overhead-arm-reach', '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual([
			'exercise',
			'reps',
			'repTimes',
			'holds',
			'formScore',
			'cues',
			'heldSeconds',
			'notCounted',
			'rangeOfMotion'
		]);
		expect(out.exercise).toBe('overhead-arm-reach');
		// Range of motion: each arm per rep, stamped with the rep's time, arms straight overhead
		// (the simulator reaches 180° a little forward of the frontal plane: at least 150° seen).
		const arms = out.rangeOfMotion.filter(
			(e: { measure: string }) => e.measure === 'shoulder-elevation'
		);
		expect(arms).toHaveLength(10);
		for (const e of arms) {
			expect(Object.keys(e)).toEqual(['t', 'measure', 'side', 'degrees']);
			expect(out.repTimes.map((t: number) => Math.round(t * 10) / 10)).toContain(e.t);
			expect(['left', 'right']).toContain(e.side);
			expect(e.degrees).toBeGreaterThanOrEqual(150);
			expect(e.degrees).toBeLessThanOrEqual(180);
		}
		// Five clean reps: nothing to explain.
		expect(out.notCounted).toEqual([]);
		expect(out.reps).toBe(5);
		// Each rep is counted when the arms come back down: between that rep's top and its end.
		const tops = events.filter((e) => e.type === 'rep-top').map((e) => e.t);
		const ends = events.filter((e) => e.type === 'rep-end').map((e) => e.t);
		out.repTimes.forEach((t: number, i: number) => {
			expect(t).toBeGreaterThan(tops[i]!);
			expect(t).toBeLessThanOrEqual(ends[i]! + 0.1);
		});
		expect(out.holds).toEqual([]);
		expect(out.formScore).toBeGreaterThanOrEqual(0);
		expect(out.formScore).toBeLessThanOrEqual(100);
		expect(Array.isArray(out.cues)).toBe(true);
	});

	it('reads a plain .json trace too and prints a readable summary without --json', async () => {
		const file = path.join(dir, 'reaches.json');
		await writeTraceFile(file, reachesTrace(2).trace);
		const r = await cli(file, '--exercise', 'overhead-arm-reach');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Overhead reach (overhead-arm-reach)');
		expect(r.stdout).toMatch(/Reps: 5\b/);
		expect(r.stdout).toContain('pose trace 640×480');
	});

	it('gives a sitting-posture verdict over time with --posture', async () => {
		const SEATED = { view: 'side' as const, distanceM: 1.6, target: { y: 0.95 } };
		const timeline = sim.sequence(
			sim.idle(8, { posture: sim.sittingNeutral, sway: 0.5 }),
			sim.transition(sim.sittingNeutral, sim.slouchedSitting, 2),
			sim.idle(10, { posture: sim.slouchedSitting, sway: 0.5 }),
			sim.transition(sim.slouchedSitting, sim.sittingNeutral, 2),
			sim.idle(8, { posture: sim.sittingNeutral, sway: 0.5 })
		);
		const { frames } = sim.simulate({ timeline, camera: SEATED, noise: 'realistic' });
		const file = path.join(dir, 'sitting.json.gz');
		await writeTraceFile(file, sim.toTraceJson(frames, { fps: 30 }));
		const r = await cli(file, '--posture', '--calibrate', '1-6', '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual(['frames', 'slouchedSeconds']);
		expect(out.frames).toHaveLength(frames.length);
		const at = (t: number) => out.frames.find((f: { t: number }) => f.t >= t).state;
		expect(at(4)).toBe('upright');
		expect(at(15)).toBe('slouched');
		expect(at(27)).toBe('upright');
		// 10 s held slouched plus the slouched part of each 2 s transition (the verdict follows
		// 1 s late at both ends, and lets go only once clearly upright again).
		expect(out.slouchedSeconds).toBeGreaterThan(10);
		expect(out.slouchedSeconds).toBeLessThan(14.5);

		// The text report speaks work mode's words (issue 14, item 7): the same state names,
		// meanings, check pace and nudge rule as the page, from the same table.
		const text = await cli(file, '--posture', '--calibrate', '1-6');
		expect(text.code).toBe(0);
		for (const st of POSTURE_STATES) {
			expect(text.stdout).toContain(`${STATE_LABEL[st]}: ${STATE_MEANING[st]}.`);
		}
		expect(text.stdout).toContain(samplingSummary());
		expect(text.stdout).toContain(nudgeAfterText(30));
		// The states table uses the page's names, not the JSON ids.
		expect(text.stdout).toMatch(/\bSlouched\b/);
		expect(text.stdout).not.toMatch(/\s(slouched|upright)\s*\n/);
	});
});

describe('analyze --list', () => {
	it('lists the catalog as JSON', async () => {
		const r = await cli('--list', '--json');
		expect(r.code).toBe(0);
		const list = JSON.parse(r.stdout);
		expect(list.map((e: { id: string }) => e.id)).toEqual(EXERCISES.map((e) => e.id));
		for (const e of list) {
			expect(Object.keys(e)).toEqual(['id', 'name', 'kind', 'view', 'cameraChecked']);
			expect(['rep', 'hold', 'timed']).toContain(e.kind);
			expect(['front', 'side', 'either']).toContain(e.view);
		}
		expect(list.find((e: { id: string }) => e.id === 'neck-side-tilt').kind).toBe('hold');
	});
});

describe('analyze on bad input: exit code 2 and a message that says what is wrong', () => {
	it('a missing file', async () => {
		const missing = path.join(dir, 'nope.mp4');
		const r = await cli(missing, '--exercise', 'wall-angels');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`no such file: ${missing}`);
		expect(r.stdout).toBe('');
	});

	it('an unknown exercise id, listing the valid ones', async () => {
		const r = await cli(path.join(dir, 'whatever.json'), '--exercise', 'push-ups');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('unknown exercise "push-ups"');
		for (const e of EXERCISES) expect(r.stderr).toContain(e.id);
	});

	it('a corrupt trace, naming the field and the frame', async () => {
		const { trace } = reachesTrace();
		trace.frames[3]!.t = trace.frames[2]!.t;
		const file = path.join(dir, 'bad-time.json.gz');
		await writeTraceFile(file, trace);
		const r = await cli(file, '--exercise', 'overhead-arm-reach', '--json');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`bad pose trace ${file}`);
		expect(r.stderr).toContain('frames[3].t');
		expect(r.stdout).toBe('');

		const { trace: t2 } = reachesTrace();
		t2.frames[7]!.keypoints![5]![2] = 1.5;
		const file2 = path.join(dir, 'bad-score.json');
		await writeTraceFile(file2, t2);
		const r2 = await cli(file2, '--exercise', 'overhead-arm-reach');
		expect(r2.code).toBe(2);
		expect(r2.stderr).toContain(
			'frames[7].keypoints[5] (left_shoulder): score 1.5 is outside 0..1'
		);
	});

	it('a trace that is not JSON, or damaged gzip', async () => {
		const notJson = path.join(dir, 'broken.json');
		await writeFile(notJson, '{"format": "pose-trace", "version": 1, "frames": [');
		const r = await cli(notJson, '--exercise', 'wall-angels');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/bad pose trace .*broken\.json: not JSON/);

		const badGz = path.join(dir, 'broken.json.gz');
		await writeFile(badGz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]));
		const r2 = await cli(badGz, '--exercise', 'wall-angels');
		expect(r2.code).toBe(2);
		expect(r2.stderr).toMatch(/bad pose trace .*broken\.json\.gz: not a valid gzip file/);
	});

	it('a text file posing as a video', async () => {
		const fake = path.join(dir, 'holiday.mp4');
		await writeFile(fake, 'These are my holiday notes, not a video.\n');
		const r = await cli(fake, '--exercise', 'overhead-arm-reach');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`cannot read video ${fake}: not a video ffmpeg can read`);
		expect(r.stderr).toContain('Invalid data found when processing input');
	});

	it('a malformed command line', async () => {
		const r = await cli('--exercise');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('Usage:');
		const r2 = await cli('a.json', '--posture', '--calibrate', '8-2');
		expect(r2.code).toBe(2);
		expect(r2.stderr).toContain('--calibrate expects START-END');
		const r3 = await cli('a.mp4', '--exercise', 'wall-angels', '--threads', '0');
		expect(r3.code).toBe(2);
		expect(r3.stderr).toContain('--threads must be a whole number, 1–16');
	});
});

describe('analyze on a real clip (video → MoveNet Lightning in Node → coach)', () => {
	// ~10 s on 2 idle cores (120 frames); the margin is for a machine busy with other work.
	it(
		'counts the one overhead arm raise in tfjs_pose_1.mp4 and saves its trace',
		{
			timeout: 120_000
		},
		async () => {
			const saved = path.join(dir, 'pose_1.json.gz');
			const clip = path.join(MEDIA, 'tfjs_pose_1.mp4');
			const r = await cli(
				clip,
				'--exercise',
				'overhead-arm-reach',
				'--json',
				'--save-trace',
				saved
			);
			expect(r.code).toBe(0);
			const out = JSON.parse(r.stdout);
			expect(out.reps).toBe(1);
			// The arms are overhead ~1.25–2.25 s; the rep completes when they come back down.
			expect(out.repTimes[0]).toBeGreaterThan(2.25);
			expect(out.repTimes[0]).toBeLessThan(3.5);

			// The saved trace gives the same answer without the model.
			const again = await cli(saved, '--exercise', 'overhead-arm-reach', '--json');
			expect(again.code).toBe(0);
			expect(JSON.parse(again.stdout).reps).toBe(1);
		}
	);
});
