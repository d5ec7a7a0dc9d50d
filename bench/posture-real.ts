/**
 * Work mode on real people at real desks: `npm run bench:posture-real [-- options]`.
 *
 * Runs the command-line analyser's posture path (`loadInput` → `analyzePosture`, as
 * `npm run -s analyze -- clip.mp4 --posture --calibrate S-E` does) over every posture clip
 * labelled in ../shared/real/labels.json (`posture[]`), calibrated on each clip's labelled
 * `calibrate` span, with MoveNet Lightning and BlazePose Full. Per clip and pooled:
 *  - slouched recall: share of slouch-labelled frames called slouched;
 *  - upright kept: share of upright-labelled frames called upright;
 *  - false nudges: nudges fired while the labels say upright, with the nudge grace period
 *    shortened to fit the clip (its shortest labelled slouch minus 1 s; clips without a slouch
 *    take the shortest slouch of the whole set minus 1 s, so they are tested as hard);
 *  - detect: seconds from each labelled slouch's start to the first slouched verdict in it
 *    (missed slouches are listed apart), and release: seconds from its end to upright again;
 *  - unknown share: share of labelled frames whose status is "unknown" (not judged).
 * Frames outside every labelled upright or slouched span are not scored (see the folder's
 * README). Results go to bench/posture-real-results.json and a table on stdout.
 *
 * The clips are measurement only: they are read from ../shared/real at run time, never copied
 * into the repository, and the pose traces made from them are cached under the ignored
 * `.cache/real-traces/` (so a rerun takes seconds). Without that folder the bench says so and
 * stops. Options: `--models a,b` (default movenet-lightning,blazepose-full), `--clips substr`
 * (only clips whose name contains it), `--fresh` (ignore the trace cache), `--frames` (print
 * each clip's status runs next to the labels, to see where it goes wrong), `--max-size px`
 * (longest side the clips are decoded at; default each model's own, as the app reads frames), `--out file` (where the JSON
 * goes; default bench/posture-real-results.json).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { loadInput } from '../src/lib/analysis/node/input';
import { defaultPoseThreads } from '../src/lib/analysis/node/pose-pool';
import { cachedTraceName, decodeSide } from './real-cache';
import {
	analyzePosture,
	postureSegments,
	type PostureFrame,
	type PostureState
} from '../src/lib/analysis/posture';
import type { PoseFrame } from '../src/lib/pose/keypoints';
import { isModelId, type ModelId } from '../src/lib/pose/models';
import type { SlouchCause } from '../src/lib/posture/slouch-cause';
import { writeTrace } from '../src/lib/trace/pose-trace';
import { readTraceFile, writeTraceFile } from '../src/lib/trace/trace-file';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The development set (SCAPULA_REAL_DIR overrides it, e.g. to check the missing-folder path). */
const REAL = path.resolve(process.env.SCAPULA_REAL_DIR ?? path.join(ROOT, '../shared/real'));
const CACHE = path.join(ROOT, '.cache/real-traces');
const RESULTS = path.join(ROOT, 'bench/posture-real-results.json');
const DEFAULT_MODELS: readonly ModelId[] = ['movenet-lightning', 'blazepose-full'];

/** The targets (issue 14), per clip and pooled, both models. */
const TARGETS = {
	slouchedRecall: 0.9,
	uprightKept: 0.95,
	falseNudges: 0,
	medianDetectSeconds: 2
} as const;

/** The grace period is never shortened below this, s (a nudge needs some slouch). */
const MIN_GRACE_SECONDS = 0.5;

type Span = [number, number];

interface PostureLabel {
	clip: string;
	view: string;
	framing: string;
	calibrate: Span;
	slouched: Span[];
	upright: Span[];
	other?: Array<{ span: Span; what: string }>;
	note?: string;
}

interface Counts {
	/** Slouch-labelled frames, and those called slouched. */
	slouchedFrames: number;
	slouchedHit: number;
	/** Upright-labelled frames, and those called upright. */
	uprightFrames: number;
	uprightHit: number;
	/** Labelled frames (either kind) called unknown. */
	unknownFrames: number;
	falseNudges: number;
	/** Per labelled slouch: seconds from its start to the first slouched verdict, null: missed. */
	detect: Array<number | null>;
	/** Per labelled slouch followed by upright: seconds from its end to upright, null: never. */
	release: Array<number | null>;
}

interface CaseResult {
	clip: string;
	model: ModelId;
	view: string;
	graceSeconds: number;
	frames: number;
	slouchedRecall: number | null;
	uprightKept: number | null;
	falseNudges: number;
	nudges: number[];
	medianDetectSeconds: number | null;
	detectSeconds: Array<number | null>;
	releaseSeconds: Array<number | null>;
	unknownShare: number | null;
	counts: Counts;
	/**
	 * Shares of the clip's slouched seconds put down to each cause (src/lib/posture/slouch-cause.ts),
	 * null without slouched time. Not scored: the clips' labels do not name a cause.
	 */
	slouchCauses?: Record<SlouchCause | 'neither', number> | null;
	segments?: Array<{ state: PostureState; start: number; end: number }>;
	error?: string;
}

const inside = (t: number, spans: readonly Span[]) => spans.some(([a, b]) => t >= a && t <= b);
const share = (hit: number, n: number) => (n > 0 ? round(hit / n, 3) : null);
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
function median(v: readonly number[]): number | null {
	if (v.length === 0) return null;
	const s = [...v].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Pose frames of one clip with one model, from the cache or the model (then cached). */
async function traceOf(
	clip: string,
	model: ModelId,
	fresh: boolean,
	maxSize: number
): Promise<PoseFrame[]> {
	const cached = path.join(CACHE, cachedTraceName(clip, model, maxSize));
	if (fresh || !existsSync(cached)) {
		process.stderr.write(
			`  running ${model} on ${clip} at ${maxSize} px (cached afterwards) ...\n`
		);
		const input = await loadInput(path.join(REAL, 'clips', clip), {
			model,
			threads: defaultPoseThreads(),
			maxSize
		});
		await mkdir(CACHE, { recursive: true });
		await writeTraceFile(cached, writeTrace(input.frames, input));
	}
	// Read back even on a fresh run, so a rerun from the cache gives the same numbers.
	return (await readTraceFile(cached)).frames;
}

/** Counts with nothing counted yet, for one clip or for the pool. */
function emptyCounts(): Counts {
	return {
		slouchedFrames: 0,
		slouchedHit: 0,
		uprightFrames: 0,
		uprightHit: 0,
		unknownFrames: 0,
		falseNudges: 0,
		detect: [],
		release: []
	};
}

function score(
	label: PostureLabel,
	frames: readonly PostureFrame[],
	nudges: readonly number[]
): Counts {
	const c = emptyCounts();
	for (const f of frames) {
		const sl = inside(f.t, label.slouched);
		const up = !sl && inside(f.t, label.upright);
		if (sl) {
			c.slouchedFrames++;
			if (f.state === 'slouched') c.slouchedHit++;
		} else if (up) {
			c.uprightFrames++;
			if (f.state === 'upright') c.uprightHit++;
		}
		if ((sl || up) && f.state === 'unknown') c.unknownFrames++;
	}
	c.falseNudges = nudges.filter(
		(t) => inside(t, label.upright) && !inside(t, label.slouched)
	).length;
	for (const [a, b] of label.slouched) {
		const hit = frames.find((f) => f.t >= a && f.t <= b && f.state === 'slouched');
		c.detect.push(hit ? round(hit.t - a) : null);
		// Sitting up: the next upright span that starts within 3 s of the slouch's end.
		const next = label.upright.find(([u]) => u >= b && u - b <= 3);
		if (next) {
			const up = frames.find((f) => f.t >= b && f.t <= next[1] && f.state === 'upright');
			c.release.push(up ? round(up.t - b) : null);
		}
	}
	return c;
}

function summarise(
	c: Counts
): Pick<
	CaseResult,
	'slouchedRecall' | 'uprightKept' | 'falseNudges' | 'medianDetectSeconds' | 'unknownShare'
> {
	const found = c.detect.filter((d): d is number => d !== null);
	// A missed slouch counts as never detected: the median of the found ones, unless more than
	// half were missed (then there is no median time to detect).
	const missed = c.detect.length - found.length;
	const med = missed * 2 >= c.detect.length && c.detect.length > 0 ? null : median(found);
	return {
		slouchedRecall: share(c.slouchedHit, c.slouchedFrames),
		uprightKept: share(c.uprightHit, c.uprightFrames),
		falseNudges: c.falseNudges,
		medianDetectSeconds: med === null ? null : round(med),
		unknownShare: share(c.unknownFrames, c.slouchedFrames + c.uprightFrames)
	};
}

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const sec = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)} s`);

function meetsTargets(r: ReturnType<typeof summarise>, hasSlouch: boolean): boolean {
	return (
		(!hasSlouch ||
			((r.slouchedRecall ?? 0) >= TARGETS.slouchedRecall &&
				r.medianDetectSeconds !== null &&
				r.medianDetectSeconds <= TARGETS.medianDetectSeconds)) &&
		(r.uprightKept === null || r.uprightKept >= TARGETS.uprightKept) &&
		r.falseNudges <= TARGETS.falseNudges
	);
}

async function main(): Promise<void> {
	const { values: args } = parseArgs({
		options: {
			models: { type: 'string' },
			clips: { type: 'string' },
			fresh: { type: 'boolean', default: false },
			frames: { type: 'boolean', default: false },
			'max-size': { type: 'string' },
			out: { type: 'string' }
		}
	});
	const labelsFile = path.join(REAL, 'labels.json');
	if (!existsSync(labelsFile)) {
		console.error(
			`bench:posture-real: the real clips are not here (${labelsFile} is missing).\n` +
				'They are kept outside the repository in ../shared/real/ (see its README); this ' +
				'benchmark measures on them and cannot run without them. Stopped.'
		);
		process.exit(2);
	}
	const models = (args.models?.split(',') ?? DEFAULT_MODELS).map((m) => m.trim());
	for (const m of models) {
		if (!isModelId(m)) throw new Error(`unknown model ${m}`);
	}
	const labels = JSON.parse(await readFile(labelsFile, 'utf8')) as { posture?: PostureLabel[] };
	const all = labels.posture ?? [];
	const clips = all.filter((l) => !args.clips || l.clip.includes(args.clips));
	for (const l of clips) {
		if (!existsSync(path.join(REAL, 'clips', l.clip))) {
			throw new Error(`labels.json names ${l.clip}, which is not in ${REAL}/clips`);
		}
	}
	const slouchLengths = all.flatMap((l) => l.slouched.map(([a, b]) => b - a));
	const setShortest = slouchLengths.length ? Math.min(...slouchLengths) : 31;

	const results: CaseResult[] = [];
	const pooled: Record<string, ReturnType<typeof summarise> & { counts: Counts }> = {};
	for (const model of models as ModelId[]) {
		const total = emptyCounts();
		for (const label of clips) {
			const own = label.slouched.map(([a, b]) => b - a);
			const graceSeconds = round(
				Math.max(MIN_GRACE_SECONDS, (own.length ? Math.min(...own) : setShortest) - 1)
			);
			const frames = await traceOf(
				label.clip,
				model,
				args.fresh ?? false,
				decodeSide(model, args['max-size'])
			);
			let report;
			try {
				report = analyzePosture(frames, {
					calibrate: { start: label.calibrate[0], end: label.calibrate[1] },
					graceSeconds
				});
			} catch (e) {
				// A calibration the engine refuses: every labelled frame goes unjudged.
				const c = score(
					label,
					frames.map((f) => ({ t: f.t, state: 'unknown' as const })),
					[]
				);
				results.push({
					clip: label.clip,
					model,
					view: label.view,
					graceSeconds,
					frames: frames.length,
					...summarise(c),
					nudges: [],
					detectSeconds: c.detect,
					releaseSeconds: c.release,
					counts: c,
					error: (e as Error).message
				});
				addCounts(total, c);
				continue;
			}
			const c = score(label, report.frames, report.nudges);
			addCounts(total, c);
			results.push({
				clip: label.clip,
				model,
				view: label.view,
				graceSeconds,
				frames: frames.length,
				...summarise(c),
				nudges: report.nudges,
				detectSeconds: c.detect,
				releaseSeconds: c.release,
				counts: c,
				slouchCauses: causeShares(report.slouchedSecondsByCause),
				...(args.frames ? { segments: postureSegments(report.frames) } : {})
			});
		}
		pooled[model] = { ...summarise(total), counts: total };
	}

	// --- Table ---
	const head = [
		'clip',
		'model',
		'slouched recall',
		'upright kept',
		'false nudges',
		'median detect',
		'unknown',
		'release',
		'targets',
		'slouched: head / shoulders / neither'
	];
	const rows: string[][] = [];
	for (const model of models) {
		for (const r of results.filter((x) => x.model === model)) {
			rows.push([
				r.clip.replace(/\.mp4$/, ''),
				model,
				pct(r.slouchedRecall),
				pct(r.uprightKept),
				String(r.falseNudges),
				sec(r.medianDetectSeconds),
				pct(r.unknownShare),
				r.releaseSeconds.map((s) => (s === null ? 'never' : s.toFixed(1))).join(' ') || '–',
				(meetsTargets(r, r.counts.slouchedFrames > 0) ? 'met' : 'NOT met') +
					(r.error ? ` (${r.error})` : ''),
				r.slouchCauses
					? SHARE_ORDER.map((k) => pct(r.slouchCauses![k]).replace(' %', '')).join(' / ') + ' %'
					: '–'
			]);
		}
		const p = pooled[model]!;
		rows.push([
			'POOLED',
			model,
			pct(p.slouchedRecall),
			pct(p.uprightKept),
			String(p.falseNudges),
			sec(p.medianDetectSeconds),
			pct(p.unknownShare),
			p.counts.release.map((s) => (s === null ? 'never' : s.toFixed(1))).join(' ') || '–',
			meetsTargets(p, p.counts.slouchedFrames > 0) ? 'met' : 'NOT met',
			''
		]);
	}
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
	console.log(`\nWork mode on real desks (${clips.length} clips, ../shared/real)\n`);
	console.log(line(head));
	for (const r of rows) console.log(line(r));
	console.log(
		`\ntargets: slouched recall ≥ ${TARGETS.slouchedRecall * 100} %, upright kept ≥ ${TARGETS.uprightKept * 100} %, ` +
			`${TARGETS.falseNudges} false nudges, median detect ≤ ${TARGETS.medianDetectSeconds} s; ` +
			'release: seconds from each slouch’s end to upright'
	);
	if (args.frames) {
		for (const r of results) {
			console.log(`\n${r.clip} (${r.model}), nudges at ${r.nudges.join(', ') || 'none'}:`);
			console.log(
				(r.segments ?? [])
					.map((s) => `  ${s.start.toFixed(2)}–${s.end.toFixed(2)} ${s.state}`)
					.join('\n')
			);
		}
	}

	if (!args.clips && !args.models) {
		const out = {
			generated: new Date().toISOString(),
			source: '../shared/real/labels.json posture[] (clips never copied into the repository)',
			targets: TARGETS,
			pooled,
			clips: results.map(({ segments: _s, ...r }) => r)
		};
		const file = path.resolve(args.out ?? RESULTS);
		const text = await prettier.format(JSON.stringify(out), {
			...(await prettier.resolveConfig(RESULTS)),
			filepath: RESULTS
		});
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, text);
		console.log(`\nwrote ${path.relative(ROOT, file)}`);
	}
}

const SHARE_ORDER = ['forward-head', 'rounded-shoulders', 'neither'] as const;

/** Seconds per cause → shares of their sum (null: no slouched time). */
function causeShares(
	seconds: Record<SlouchCause | 'neither', number>
): Record<SlouchCause | 'neither', number> | null {
	const total = SHARE_ORDER.reduce((a, k) => a + seconds[k], 0);
	if (!(total > 0)) return null;
	return Object.fromEntries(SHARE_ORDER.map((k) => [k, round(seconds[k] / total, 3)])) as Record<
		SlouchCause | 'neither',
		number
	>;
}

function addCounts(total: Counts, c: Counts): void {
	total.slouchedFrames += c.slouchedFrames;
	total.slouchedHit += c.slouchedHit;
	total.uprightFrames += c.uprightFrames;
	total.uprightHit += c.uprightHit;
	total.unknownFrames += c.unknownFrames;
	total.falseNudges += c.falseNudges;
	total.detect.push(...c.detect);
	total.release.push(...c.release);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
