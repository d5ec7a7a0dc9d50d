/**
 * Real-footage benchmark of the exercise engine: `npm run bench:real [-- options]`.
 *
 * Runs the analyser's own video path (ffmpeg → pose model in Node → `analyzeExercise`, as
 * `src/cli/analyze.ts` does) on every labelled rep and hold clip in `../shared/real/` (see its
 * README: clips of real people, labelled by eye; they may never be copied into this repository),
 * with MoveNet Lightning (the app's default) and BlazePose Full.
 *
 * For each clip it prints what was counted (reps, or seconds held) against the labelled range,
 * with the cues and the reasons given when nothing counted; then per-exercise figures: the share
 * of cases within range, the mean absolute error (distance to the nearest end of the range) and
 * the off-by-one share. It also runs every OTHER camera-checked exercise judged from the same
 * camera view on each clip (a wrong-move check, where 0 is right), except the pairs that are the
 * same movement to a camera (SAME_MOVEMENT below).
 *
 * Pose traces are cached under `.cache/real-traces/` (ignored by git: traces made from these
 * clips must not be committed), so engine-only reruns take seconds.
 *
 * Options: --models <a,b> (default movenet-lightning,blazepose-full), --filter <text> (clips whose
 * name contains it), --no-floor (skip clips marked floor), --out <file>, --real <dir>,
 * --max-size <px> (longest side the clips are decoded at; default each model's own, as
 * the app reads camera frames: pose/frame-reader.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { analyzeExercise, type ExerciseReport } from '../src/lib/analysis/exercise-report';
import { loadInput, type LoadedInput } from '../src/lib/analysis/node/input';
import { cachedTraceName, decodeSide } from './real-cache';
import type { ExerciseDefinition } from '../src/lib/engine/types';
import { EXERCISES, getExercise } from '../src/lib/exercises';
import { isModelId, type ModelId } from '../src/lib/pose/models';
import { writeTrace } from '../src/lib/trace/pose-trace';
import { writeTraceFile } from '../src/lib/trace/trace-file';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = path.join(ROOT, '.cache/real-traces');

/** Share of rep and hold cases that must land within their labelled range (issue target). */
const WITHIN_TARGET = 0.9;

/**
 * Exercise pairs that are the same movement to a camera, left out of the wrong-move check
 * (in both directions): what tells them apart is not in the picture.
 */
export const SAME_MOVEMENT: ReadonlyArray<readonly [string, string, string]> = [
	[
		'shoulder-shrug',
		'shoulder-rolls',
		'A roll is a shrug with a circle in depth: from the front or back the camera sees the same lift of the shoulders toward the ears.'
	],
	[
		'scapular-squeeze',
		'shoulder-squeeze-hold',
		'The same squeeze, counted as reps or timed as one hold.'
	]
];

interface Label {
	clip: string;
	exercise: string;
	view: 'front' | 'side' | 'back';
	framing: string;
	span: [number, number];
	floor?: boolean;
	note?: string;
	reps?: [number, number];
	seconds?: [number, number];
}

/** A posture clip's label (only what the idle check needs). */
interface PostureLabel {
	clip: string;
	/** Free text, e.g. "front for 0-10 s and 18-19 s; side (facing right) 10-18 s". */
	view: string;
	framing: string;
}

export interface CaseRow {
	clip: string;
	exercise: string;
	/** The exercise labelled on the clip, or, for a wrong-move check, the one run on it. */
	labelled: string;
	model: ModelId;
	kind: 'reps' | 'seconds';
	wrongMove: boolean;
	floor: boolean;
	range: [number, number];
	counted: number;
	within: boolean;
	/** Distance from the count to the nearest end of the range (0 when within). */
	error: number;
	formScore: number | null;
	cues: string[];
	notCounted: string[];
}

const { values: args } = parseArgs({
	options: {
		models: { type: 'string', default: 'movenet-lightning,blazepose-full' },
		filter: { type: 'string' },
		'no-floor': { type: 'boolean', default: false },
		out: { type: 'string', default: path.join(ROOT, 'bench/real-results.json') },
		real: { type: 'string', default: path.join(ROOT, '../shared/real') },
		'max-size': { type: 'string' }
	}
});

const models = args.models!.split(',').map((m) => m.trim());
for (const m of models) {
	if (!isModelId(m)) throw new Error(`unknown model "${m}"`);
}

/** A clip's pose trace for `model`, from the cache or by running the model (then cached). */
async function traceOf(clipFile: string, model: ModelId): Promise<LoadedInput> {
	const maxSize = decodeSide(model, args['max-size']);
	const cached = path.join(CACHE, cachedTraceName(clipFile, model, maxSize));
	if (existsSync(cached)) return loadInput(cached);
	process.stderr.write(`  running ${model} on ${path.basename(clipFile)} at ${maxSize} px …\n`);
	const input = await loadInput(clipFile, { model, threads: 1, maxSize });
	await mkdir(CACHE, { recursive: true });
	await writeTraceFile(
		cached,
		writeTrace(input.frames, {
			model: input.model,
			width: input.width,
			height: input.height,
			fps: input.fps
		})
	);
	return input;
}

/** Reps for rep moves, else the seconds held in position with good form over the clip. */
function countOf(def: ExerciseDefinition, r: ExerciseReport): number {
	return def.rep || def.repByView ? r.reps : r.heldSeconds;
}

function rowOf(
	label: Label,
	def: ExerciseDefinition,
	model: ModelId,
	report: ExerciseReport,
	wrongMove: boolean
): CaseRow {
	const kind = wrongMove
		? def.rep || def.repByView
			? 'reps'
			: 'seconds'
		: label.reps
			? 'reps'
			: 'seconds';
	const range: [number, number] = wrongMove ? [0, 0] : (label.reps ?? label.seconds)!;
	// A move the camera does not check (a guided timer) counts nothing on any clip.
	const counted = def.cameraChecked ? countOf(def, report) : 0;
	// A hold shorter than one second is no hold: a wrong-move hold check allows under 1 s.
	const tolerance = wrongMove && kind === 'seconds' ? 1 : 0;
	const error = Math.max(0, range[0] - counted, counted - range[1] - tolerance);
	return {
		clip: label.clip,
		exercise: def.id,
		labelled: label.exercise,
		model,
		kind,
		wrongMove,
		floor: Boolean(label.floor),
		range,
		counted: Math.round(counted * 10) / 10,
		within: error === 0,
		error: Math.round(error * 100) / 100,
		formScore: report.formScore,
		cues: def.cameraChecked ? [...new Set(report.cues.map((c) => c.id))] : ['timer-only'],
		notCounted: def.cameraChecked ? [...new Set(report.notCounted.map((n) => n.reason))] : []
	};
}

const sameMovement = (a: string, b: string) =>
	SAME_MOVEMENT.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** The camera-checked exercises judged from `view` (a back view is judged as a front one). */
function sameViewExercises(view: Label['view']): ExerciseDefinition[] {
	const v = view === 'back' ? 'front' : view;
	return EXERCISES.filter(
		(d) => d.cameraChecked && (d.view === v || d.view === 'either' || d.repByView?.[v])
	);
}

interface Summary {
	cases: number;
	within: number;
	withinRate: number;
	mae: number;
	offByOne: number;
}

function summarise(rows: readonly CaseRow[]): Summary {
	const n = rows.length;
	const within = rows.filter((r) => r.within).length;
	return {
		cases: n,
		within,
		withinRate: n ? within / n : 0,
		mae: n ? Math.round((rows.reduce((s, r) => s + r.error, 0) / n) * 100) / 100 : 0,
		offByOne: n ? rows.filter((r) => r.kind === 'reps' && r.error === 1).length / n : 0
	};
}

const pct = (v: number) => `${(100 * v).toFixed(0)} %`;

function printCases(rows: readonly CaseRow[]): void {
	const head = ['clip', 'exercise', 'model', 'range', 'counted', 'score', 'cues / why not'];
	const cells = rows.map((r) => [
		r.clip.replace(/\.mp4$/, ''),
		r.exercise,
		r.model,
		`${r.range[0]}–${r.range[1]}${r.kind === 'seconds' ? ' s' : ''}`,
		`${r.counted}${r.within ? '' : ' ✗'}`,
		r.formScore === null ? '-' : String(r.formScore),
		[...r.cues, ...r.notCounted.map((n) => `why:${n}`)].join(' ') || '-'
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
	const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
	console.log(line(head));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
	const labelsFile = path.join(args.real!, 'labels.json');
	if (!existsSync(labelsFile)) {
		console.error(
			`bench:real: no labelled real clips at ${args.real} (expected labels.json and clips/). ` +
				'They live in the workplace folder ../shared/real/ and are never copied into this repository.'
		);
		process.exit(2);
	}
	const labels = JSON.parse(await readFile(labelsFile, 'utf8')) as {
		reps: Label[];
		holds: Label[];
		posture?: PostureLabel[];
	};
	const all = [...labels.reps, ...labels.holds].filter(
		(l) => (!args.filter || l.clip.includes(args.filter)) && !(args['no-floor'] && l.floor === true)
	);
	const rows: CaseRow[] = [];
	const t0 = performance.now();
	for (const label of all) {
		const def = getExercise(label.exercise);
		if (!def) throw new Error(`labels.json names an unknown exercise "${label.exercise}"`);
		for (const model of models as ModelId[]) {
			const input = await traceOf(path.join(args.real!, 'clips', label.clip), model);
			rows.push(rowOf(label, def, model, analyzeExercise(def, input.frames), false));
			for (const other of sameViewExercises(label.view)) {
				if (other.id === def.id || sameMovement(other.id, def.id)) continue;
				rows.push(rowOf(label, other, model, analyzeExercise(other, input.frames), true));
			}
		}
	}
	// Real people at work (the posture clips): typing, reading, slouching, sitting up, turning to
	// a phone. No desk or standing exercise may count a rep or a hold there, whatever the view
	// (these clips change view; a move judged from the wrong view must not count either). This is
	// the real-footage idle check; the simulator's idle traces are only a regression check.
	const idle: CaseRow[] = [];
	for (const p of labels.posture ?? []) {
		if (args.filter && !p.clip.includes(args.filter)) continue;
		for (const model of models as ModelId[]) {
			const input = await traceOf(path.join(args.real!, 'clips', p.clip), model);
			for (const other of EXERCISES.filter((d) => d.cameraChecked && !d.horizontal)) {
				const label: Label = {
					clip: p.clip,
					framing: p.framing,
					view: 'front',
					exercise: 'sitting at a desk',
					span: [0, Infinity]
				};
				idle.push(rowOf(label, other, model, analyzeExercise(other, input.frames), true));
			}
		}
	}
	const seconds = (performance.now() - t0) / 1000;

	const own = rows.filter((r) => !r.wrongMove);
	const wrong = rows.filter((r) => r.wrongMove);
	console.log('\nLabelled exercise on each clip:\n');
	printCases(own);
	console.log('\nWrong-move checks that counted (0 is right):\n');
	const wrongMisses = wrong.filter((r) => !r.within);
	// Desk and floor clips are summed apart, so the desk numbers compare with earlier runs.
	const deskWrong = wrong.filter((r) => !r.floor);
	const deskWrongMisses = deskWrong.filter((r) => !r.within);
	const floorWrong = wrong.filter((r) => r.floor);
	const floorWrongMisses = floorWrong.filter((r) => !r.within);
	if (wrongMisses.length) printCases(wrongMisses);
	else console.log('  none');

	console.log('\nAt a desk, not exercising (posture clips; 0 is right), those that counted:\n');
	const idleMisses = idle.filter((r) => !r.within);
	if (idleMisses.length) printCases(idleMisses);
	else console.log('  none');

	const byExercise: Record<string, Summary> = {};
	for (const ex of [...new Set(own.map((r) => r.exercise))]) {
		for (const model of models) {
			const s = own.filter((r) => r.exercise === ex && r.model === model);
			if (s.length) byExercise[`${ex} · ${model}`] = summarise(s);
		}
	}
	const deskRows = own.filter((r) => !r.floor);
	const overall = {
		repsAndHolds: summarise(deskRows),
		floor: summarise(own.filter((r) => r.floor)),
		wrongMove: { checks: deskWrong.length, counted: deskWrongMisses.length },
		floorWrongMove: { checks: floorWrong.length, counted: floorWrongMisses.length },
		deskIdle: { checks: idle.length, counted: idleMisses.length }
	};
	console.log('\nPer exercise and model (within range · MAE · off by one):\n');
	for (const [k, s] of Object.entries(byExercise)) {
		console.log(
			`  ${k.padEnd(48)} ${s.within}/${s.cases}  MAE ${s.mae}  off-by-one ${pct(s.offByOne)}`
		);
	}
	const o = overall.repsAndHolds;
	console.log(
		`\nRep and hold cases (floor left out): ${o.within}/${o.cases} within range (${pct(o.withinRate)}; target ≥ ${pct(WITHIN_TARGET)}), MAE ${o.mae}`
	);
	console.log(
		`Floor cases (their own issue): ${overall.floor.within}/${overall.floor.cases} within range`
	);
	console.log(
		`Wrong-move checks: ${deskWrongMisses.length} of ${deskWrong.length} counted something (target 0)`
	);
	console.log(
		`Floor wrong-move checks: ${floorWrongMisses.length} of ${floorWrong.length} counted something (target 0)`
	);
	console.log(
		`At a desk, not exercising: ${idleMisses.length} of ${idle.length} checks counted something (target 0)`
	);
	console.log(`Engine time over all cases: ${seconds.toFixed(1)} s`);

	const result = {
		about:
			'npm run bench:real: the analyser on labelled clips of real people (../shared/real), see bench/real.ts',
		models,
		targetWithin: WITHIN_TARGET,
		sameMovementPairs: SAME_MOVEMENT.map(([a, b, why]) => ({ a, b, why })),
		overall,
		byExercise,
		cases: own,
		wrongMove: wrong,
		deskIdle: idle
	};
	const json = await prettier.format(JSON.stringify(result), { parser: 'json' });
	await writeFile(args.out!, json);
	console.log(`\nWrote ${path.relative(process.cwd(), args.out!)}`);
}

await main();
