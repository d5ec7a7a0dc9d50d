/**
 * How noisy are a real pose model's keypoints, next to the simulator's noise presets?
 * `npm run bench:keypoint-noise [-- clip.mp4 ...]`.
 *
 * The accuracy benchmark's generated traces carry the presets of src/lib/sim/noise.ts, which
 * were set by judgement, not measured. This runs MoveNet Lightning (the app's default) over
 * real clips of people sitting fairly still and the simulator over a person standing still, and
 * gives, in body-scale units (1.3 × the median shoulder width) so that image sizes compare:
 *  - the spread (standard deviation) of the ear–shoulder gap, the shrug's rep signal;
 *  - the spread of the shoulder width;
 *  - each head point's spread about the centre of the five head points (nose, eyes, ears),
 *    the part of the noise that belongs to one keypoint and not to the whole head.
 * Real people move a little even when "still" (the desk clip's typist, a breath, a nod), and
 * that motion lands in the real figures: they are upper bounds on the model's own noise.
 * Figures go to bench/keypoint-noise-results.json.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { loadInput } from '../src/lib/analysis/node/input';
import { seen, type Body, type KeypointName, type PoseFrame } from '../src/lib/pose/keypoints';
import * as sim from '../src/lib/sim';
import { NOISE_PRESETS } from '../src/lib/sim/noise';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CLIPS = [
	path.join(ROOT, '../shared/media/volcomix_thoughtful_35590.mp4'),
	path.join(ROOT, 'tests/fixtures/media/volcomix_doctor_desk_26732_640p10.mp4')
];
const HEAD: readonly KeypointName[] = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'];
/** Keypoints below this score are left out, as the coach leaves them out. */
const MIN_SCORE = 0.3;

const mean = (v: readonly number[]) => v.reduce((a, x) => a + x, 0) / v.length;
const sd = (v: readonly number[]) => {
	if (v.length < 2) return NaN;
	const m = mean(v);
	return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
};
const median = (v: readonly number[]) => {
	const s = [...v].sort((a, b) => a - b);
	return s.length ? s[s.length >> 1]! : NaN;
};

interface Spread {
	source: string;
	frames: number;
	/** Body scale, px: 1.3 × the median shoulder width. */
	scalePx: number;
	earShoulderGapSd: number;
	shoulderWidthSd: number;
	/** Root mean square over the head points of each one's x and y spread about the head centre. */
	headPointSd: number;
}

const point = (b: Body, n: KeypointName) => {
	const k = seen(b, n);
	return k && k.score >= MIN_SCORE ? k : null;
};

/** The spreads of one series of frames (see the header), in body-scale units. */
export function spreads(source: string, frames: readonly PoseFrame[]): Spread {
	const widths: number[] = [];
	const gaps: number[] = [];
	const headOffsets = new Map<string, number[]>();
	for (const f of frames) {
		const b = f.body;
		if (!b) continue;
		const ls = point(b, 'left_shoulder');
		const rs = point(b, 'right_shoulder');
		const le = point(b, 'left_ear');
		const re = point(b, 'right_ear');
		if (ls && rs) widths.push(Math.hypot(ls.x - rs.x, ls.y - rs.y));
		if (ls && rs && le && re) gaps.push((ls.y + rs.y - le.y - re.y) / 2);
		const head = HEAD.map((n) => point(b, n));
		if (head.some((k) => k === null)) continue;
		const cx = mean(head.map((k) => k!.x));
		const cy = mean(head.map((k) => k!.y));
		HEAD.forEach((n, i) => {
			for (const [axis, d] of [
				['x', head[i]!.x - cx],
				['y', head[i]!.y - cy]
			] as const) {
				const key = `${n}.${axis}`;
				const list = headOffsets.get(key) ?? [];
				list.push(d);
				headOffsets.set(key, list);
			}
		});
	}
	const scalePx = 1.3 * median(widths);
	const headSds = [...headOffsets.values()].map(sd);
	return {
		source,
		frames: frames.length,
		scalePx,
		earShoulderGapSd: sd(gaps) / scalePx,
		shoulderWidthSd: sd(widths) / scalePx,
		// The centre moves with each point by a fifth of its offset: scale back up by √(5/4).
		headPointSd: Math.sqrt(mean(headSds.map((s) => s * s)) * (5 / 4)) / scalePx
	};
}

/** The simulator: a 1.75 m person standing still (natural sway) at the shrug's framing. */
function simulated(noise: keyof typeof NOISE_PRESETS, distanceM: number): Spread {
	const frames = sim.simulate({
		timeline: sim.idle(30, { posture: sim.standingNeutral, seed: 7 }),
		camera: { view: 'front', distanceM, target: { y: 1.4 } },
		noise,
		seed: 7
	}).frames;
	return spreads(`simulator, ${noise} noise, ${distanceM} m`, frames);
}

async function main(): Promise<void> {
	const clips = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_CLIPS;
	const rows: Spread[] = [];
	for (const file of clips) {
		if (!existsSync(file)) {
			console.log(`Skipped ${file}: not found (the shared media sit beside the repository).`);
			continue;
		}
		const input = await loadInput(file, { model: 'movenet-lightning' });
		rows.push(spreads(`MoveNet Lightning, ${path.basename(file)}`, input.frames));
	}
	for (const d of [1.2, 1.56]) {
		for (const n of ['light', 'realistic', 'heavy'] as const) rows.push(simulated(n, d));
	}
	const w = Math.max(...rows.map((r) => r.source.length));
	console.log(
		`${'source'.padEnd(w)}  frames  scale px  ear–shoulder gap sd  shoulder width sd  head point sd`
	);
	for (const r of rows) {
		console.log(
			`${r.source.padEnd(w)}  ${String(r.frames).padStart(6)}  ${r.scalePx.toFixed(0).padStart(8)}  ${r.earShoulderGapSd.toFixed(4).padStart(19)}  ${r.shoulderWidthSd.toFixed(4).padStart(17)}  ${r.headPointSd.toFixed(4).padStart(13)}`
		);
	}
	console.log('(spreads in body-scale units: 1.3 × the median shoulder width)');
	const out = fileURLToPath(new URL('keypoint-noise-results.json', import.meta.url));
	const text = await prettier.format(
		JSON.stringify({ generatedAt: new Date().toISOString(), rows }),
		{ ...(await prettier.resolveConfig(out)), parser: 'json' }
	);
	await writeFile(out, text);
	console.log(`Wrote ${out}`);
}

await main();
