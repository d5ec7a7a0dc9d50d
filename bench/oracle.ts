/**
 * How well could any counter do on the generated traces? `npm run bench:oracle [-- options]`.
 *
 * Nearly all of the accuracy benchmark's misses are calls between a full rep and a 60 % one
 * under heavy keypoint noise. This script asks how many of those calls are decidable at all. It
 * gives an offline judge what the live coach can never have:
 *  - each rep's exact timing, taken from the same trace without noise;
 *  - the person's rest level, averaged over the whole recording.
 * The judge averages the noisy rep metric over each rep's plateau (the frames where the
 * noise-free metric is past half its peak) and measures it from the noisy rest level. It calls a
 * rep full when that is nearer a full rep's depth than a 60 % rep's. What it still gets wrong,
 * the keypoints do not tell; the coach, counting live on the same traces, is shown alongside.
 *
 * Only rep exercises with partial reps are judged (the full and partial cases of
 * bench/cases.ts); holds are a matter of time, not depth.
 *
 * Options: --filter <text> (cases whose name contains it), --out <file> (default
 * bench/oracle-results.json).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { Coach } from '../src/lib/engine/coach';
import type { ExerciseDefinition } from '../src/lib/engine/types';
import type { PoseFrame } from '../src/lib/pose/keypoints';
import type { BaseMetricName } from '../src/lib/metrics/body-metrics';
import * as sim from '../src/lib/sim';
import { generatedCases, PARTIAL_DEPTH, type GeneratedCase } from './cases';

/** A rep's plateau: where the noise-free metric is past this share of its peak. */
const PLATEAU_SHARE = 0.5;
/** Rest frames: the noise-free metric within this share of a full rep's depth of its start. */
const REST_SHARE = 0.1;

/**
 * The rep metric's own value (its baseline-free base metric) frame by frame, NaN when unmeasured,
 * from unsmoothed keypoints: the judge averages over whole plateaus itself, and the coach's
 * adaptive smoothing lags a noisy fast move differently from a clean one.
 */
function metricSeries(
	frames: readonly PoseFrame[],
	def: ExerciseDefinition,
	name: BaseMetricName
): number[] {
	const coach = new Coach(def, { smoothing: false });
	return frames.map((f) => coach.process(f).metrics?.[name] ?? NaN);
}

/** What the coach counts on the same frames (as in the app; the analyser reads them from a trace). */
function coachCount(frames: readonly PoseFrame[], def: ExerciseDefinition): number {
	const coach = new Coach(def);
	for (const f of frames) coach.process(f);
	return coach.state.reps;
}

export interface Judgement {
	reps: number;
	/** Reps the judge calls wrongly: a full one short, or a 60 % one full. */
	wrong: number;
}

/**
 * Judges each rep of a noisy series against the noise-free one (same frames). `partial`: the
 * case's reps reach PARTIAL_DEPTH of the full range (and must not count).
 */
export function judgeReps(
	clean: readonly number[],
	noisy: readonly number[],
	partial: boolean
): Judgement {
	const start = clean.find(Number.isFinite);
	if (start === undefined) return { reps: 0, wrong: 0 };
	const dev = clean.map((v) => v - start);
	// The rep direction: the sign of the largest excursion from the start.
	let extreme = 0;
	for (const d of dev) if (Math.abs(d) > Math.abs(extreme)) extreme = d;
	const dir = Math.sign(extreme) || 1;
	const peak = Math.max(0, ...dev.map((d) => (Number.isFinite(d) ? d * dir : 0)));
	const full = partial ? peak / PARTIAL_DEPTH : peak;
	// Midway between a full rep's depth and a partial one's.
	const margin = ((1 - PARTIAL_DEPTH) / 2) * full;

	let restSum = 0;
	let restN = 0;
	for (let i = 0; i < clean.length; i++) {
		const e = noisy[i]! - clean[i]!;
		if (Math.abs(dev[i]!) < REST_SHARE * full && Number.isFinite(e)) {
			restSum += e;
			restN++;
		}
	}
	const restError = restN > 0 ? restSum / restN : 0;

	let reps = 0;
	let wrong = 0;
	let sum = 0;
	let n = 0;
	const close = () => {
		if (n === 0) return;
		reps++;
		const error = (sum / n - restError) * dir;
		if (partial ? error > margin : error < -margin) wrong++;
		sum = 0;
		n = 0;
	};
	for (let i = 0; i <= clean.length; i++) {
		const on = i < clean.length && dev[i]! * dir > PLATEAU_SHARE * peak;
		if (!on) {
			close();
			continue;
		}
		const e = noisy[i]! - clean[i]!;
		if (Number.isFinite(e)) {
			sum += e;
			n++;
		}
	}
	return { reps, wrong };
}

interface Row {
	case: string;
	exercise: string;
	noise: string;
	expected: number;
	coach: number;
	judgeReps: number;
	judgeWrong: number;
}

function runCase(c: GeneratedCase): Row {
	const rep = c.exercise.rep!;
	const name = rep.metric.replace(/Delta$/, '') as BaseMetricName;
	const noisyFrames = sim.simulate(c.sim).frames;
	const clean = metricSeries(sim.simulate({ ...c.sim, noise: 'none' }).frames, c.exercise, name);
	const j = judgeReps(clean, metricSeries(noisyFrames, c.exercise, name), c.group === 'partial');
	return {
		case: c.name,
		exercise: c.exercise.id,
		noise: String(c.sim.noise),
		expected: c.expected,
		coach: coachCount(noisyFrames, c.exercise),
		judgeReps: j.reps,
		judgeWrong: j.wrong
	};
}

interface Tally {
	cases: number;
	coachExact: number;
	judgeExact: number;
	reps: number;
	judgeWrongReps: number;
}

function tally(rows: readonly Row[]): Tally {
	return {
		cases: rows.length,
		coachExact: rows.filter((r) => r.coach === r.expected).length,
		judgeExact: rows.filter((r) => r.judgeWrong === 0).length,
		reps: rows.reduce((a, r) => a + r.judgeReps, 0),
		judgeWrongReps: rows.reduce((a, r) => a + r.judgeWrong, 0)
	};
}

function groupBy(rows: readonly Row[], key: (r: Row) => string): Record<string, Tally> {
	const groups = new Map<string, Row[]>();
	for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
	return Object.fromEntries([...groups].map(([k, v]) => [k, tally(v)]));
}

function printTable(title: string, groups: Record<string, Tally>): void {
	const w = Math.max(title.length, ...Object.keys(groups).map((k) => k.length));
	console.log(`\n${title.padEnd(w)}  cases  coach exact  judge exact  judge: reps misjudged`);
	for (const [k, t] of Object.entries(groups)) {
		console.log(
			`${k.padEnd(w)}  ${String(t.cases).padStart(5)}  ${String(t.coachExact).padStart(11)}  ${String(t.judgeExact).padStart(11)}  ${t.judgeWrongReps}/${t.reps}`
		);
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			filter: { type: 'string' },
			out: {
				type: 'string',
				default: fileURLToPath(new URL('oracle-results.json', import.meta.url))
			}
		}
	});
	const cases = generatedCases().filter(
		(c) =>
			c.exercise.rep &&
			(c.group === 'full' || c.group === 'partial') &&
			(!values.filter || c.name.includes(values.filter))
	);
	const rows = cases.map(runCase);
	const byExercise = groupBy(rows, (r) => r.exercise);
	const byNoise = groupBy(rows, (r) => r.noise);
	const total = tally(rows);
	printTable('exercise', byExercise);
	printTable('noise', byNoise);
	printTable('all', { all: total });
	const allCases = generatedCases().length;
	console.log(
		`\nJudged cases the judge gets wrong: ${total.cases - total.judgeExact} (the coach: ${total.cases - total.coachExact}).` +
			` Were every other generated case exact, the judge would reach ${(((allCases - (total.cases - total.judgeExact)) / allCases) * 100).toFixed(1)} % of all ${allCases}.`
	);
	const results = {
		generatedAt: new Date().toISOString(),
		filter: values.filter ?? null,
		total,
		byExercise,
		byNoise,
		rows
	};
	const out = values.out!;
	const text = await prettier.format(JSON.stringify(results), {
		...(await prettier.resolveConfig(out)),
		parser: 'json'
	});
	await writeFile(out, text);
	console.log(`Wrote ${out}`);
}

await main();
