/**
 * Fuzzing the engine with garbage keypoints: random bodies, missing bodies and keypoints, NaN,
 * ±Infinity, scores outside 0..1 and keypoints far outside the frame, around a person who stands
 * or sits still. Through every exercise of the catalog (camera-checked ones as the app runs them,
 * `new Coach(def)`; the guided timers too, since their definitions must not break the engine
 * either) and through the posture monitor (`src/lib/posture`: calibration, engine and nudges, as
 * the live page runs them; and the command-line analyser's `analyzePosture` on top).
 *
 * Properties: nothing throws, nothing the engine computes is NaN or infinite, and noise never
 * counts a rep or completes a hold. Seeded (the simulator's mulberry32 `Rng`), so a failure
 * replays exactly.
 *
 * Two kinds of noise, and neither counts anything. "Dropouts": no person, keypoints missing,
 * NaN, ±∞, scores out of 0..1, around a still person. "Wild keypoints": uniformly random
 * bodies, a few random points, confident keypoints thrown out of the frame or ~30 px off. The
 * smoother rejects these (src/lib/filters/keypoint-smoother.ts): a score outside 0..1 or a point
 * more than half a frame outside the image is no measurement; a step beyond an adaptive gate
 * (3 × the point's own recent step RMS) is held at the track unless the following points agree
 * on the new place; a point that keeps jumping or is found in under half the recent frames gets
 * a score below MIN_KEYPOINT_SCORE, so metrics ignore it. The coach drops a rep in progress
 * when its signal went unseen for over a second (a stalled camera).
 */
import { describe, expect, it } from 'vitest';
import { analyzePosture } from '../../src/lib/analysis/posture';
import {
	CalibrationError,
	Calibrator,
	DEFAULT_NUDGE_CONFIG,
	INITIAL_NUDGE_STATE,
	nudgeStep,
	PostureEngine,
	POSTURE_STATUSES,
	type Calibration,
	type NudgeState
} from '../../src/lib/posture';
import { Coach } from '../../src/lib/engine/coach';
import type { CoachState, ExerciseDefinition } from '../../src/lib/engine/types';
import { EXERCISES } from '../../src/lib/exercises';
import {
	COCO_KEYPOINTS,
	type Body,
	type Keypoint,
	type PoseFrame
} from '../../src/lib/pose/keypoints';
import * as sim from '../../src/lib/sim';

/**
 * Frames per noise kind: split evenly over the camera-checked exercises (about 5 300 each,
 * three minutes at 30 fps: long enough for a hold to complete if noise could fill one), and the
 * same number again through the posture analysis. FUZZ_FRAMES raises it for a longer run; the
 * default keeps the file well under a minute on a busy two-core machine (the coach takes
 * ~30 µs a frame there).
 */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
/** Guided timers never count from the camera; a short run shows their definitions are safe. */
const TIMER_FRAMES = 2_000;
const SEED = 20_240_611;
const FPS = 30;

/** What a segment of frames looks like. */
type Mode = 'random' | 'still' | 'missing' | 'sparse' | 'bad-frame-size';
/** How one keypoint of a still person is broken. */
type Damage = 'gone' | 'nan' | 'infinite' | 'bad-score' | 'out-of-frame' | 'off';

interface NoiseKind {
	modes: readonly Mode[];
	damage: readonly Damage[];
}

/** Dropouts: nobody, or a still person with keypoints missing or non-finite. */
const DROPOUTS: NoiseKind = {
	modes: ['still', 'missing'],
	damage: ['gone', 'nan', 'infinite', 'bad-score']
};
/** Wild keypoints: random bodies and confident points in the wrong place. */
const WILD: NoiseKind = {
	modes: ['random', 'sparse', 'still', 'missing'],
	damage: ['gone', 'nan', 'infinite', 'bad-score', 'out-of-frame', 'off']
};
/** Everything, plus frame sizes that do not match the keypoints. */
const BAD_SIZES: NoiseKind = { modes: [...WILD.modes, 'bad-frame-size'], damage: WILD.damage };

const NON_FINITE = [NaN, Infinity, -Infinity] as const;
/** Finite but absurd: far outside any frame (MAX_VALUE overflows any sum). */
const HUGE = [-1e12, 1e12, Number.MAX_VALUE, -Number.MAX_VALUE] as const;

/**
 * Still people the damage is applied to: standing, sitting and the wall-angel start, front and
 * side. Resting postures only: someone holding their arms overhead who then "drops" them through
 * missing keypoints would be half a real rep.
 */
function stillBodies(): Body[] {
	const cams = [sim.makeCamera({ view: 'front' }), sim.makeCamera({ view: 'side' })];
	const postures = [sim.standingNeutral, sim.sittingNeutral, sim.wallAngelLow];
	const out: Body[] = [];
	for (const p of postures)
		for (const cam of cams) {
			const b = sim.renderPosture(p, cam);
			if (b) out.push(b);
		}
	return out;
}

function pick<T>(rng: sim.Rng, items: readonly T[]): T {
	return items[Math.floor(rng.next() * items.length)]!;
}

function randomKeypoint(rng: sim.Rng, w: number, h: number): Keypoint {
	return {
		x: rng.range(-0.5, 1.5) * w,
		y: rng.range(-0.5, 1.5) * h,
		score: rng.chance(0.05) ? rng.range(-2, 3) : rng.next()
	};
}

function damage(rng: sim.Rng, k: Keypoint, kind: Damage, w: number, h: number): Keypoint | null {
	switch (kind) {
		case 'gone':
			return null;
		case 'nan':
			return rng.chance(0.2)
				? { x: NaN, y: NaN, score: NaN }
				: { ...k, [pick(rng, ['x', 'y', 'score'] as const)]: NaN };
		case 'infinite':
			return { ...k, [pick(rng, ['x', 'y', 'score'] as const)]: pick(rng, NON_FINITE) };
		case 'bad-score':
			return { ...k, score: pick(rng, [-1, 1.5, 7, -0, 1e9]) };
		case 'out-of-frame':
			return rng.chance(0.3)
				? { ...k, [pick(rng, ['x', 'y'] as const)]: pick(rng, HUGE) }
				: { ...k, x: k.x + w * rng.range(1.2, 5) * (rng.chance(0.5) ? 1 : -1) };
		case 'off':
			// A confident point ~30 px off (σ 5 % of the frame), each frame anew.
			return { ...k, x: k.x + rng.gaussian(0, w * 0.05), y: k.y + rng.gaussian(0, h * 0.05) };
	}
}

/**
 * A stream of bad frames: segments of 5–300 frames, each in one mode, around one still person
 * (one per stream: switching postures between segments would be real movement). Times step at
 * about 30 fps with jitter, sometimes repeat, sometimes jump a few seconds (a stalled camera).
 */
function* fuzzFrames(seed: number, count: number, noise: NoiseKind): Generator<PoseFrame> {
	const rng = new sim.Rng(seed);
	const person = pick(rng, stillBodies());
	const { width: w, height: h } = person;
	let t = 0;
	let left = 0;
	let mode: Mode = 'missing';
	let share = 0.3;
	const hurt = (k: Keypoint | null): Keypoint | null =>
		k && rng.chance(share) ? damage(rng, k, pick(rng, noise.damage), w, h) : k;
	for (let i = 0; i < count; i++) {
		if (left-- <= 0) {
			left = Math.floor(rng.range(5, 300));
			mode = pick(rng, noise.modes);
			share = rng.range(0.05, 1);
		}
		const step = rng.next();
		t += step < 0.01 ? 0 : step < 0.015 ? rng.range(1, 5) : (1 + rng.gaussian(0, 0.15)) / FPS;
		let body: Body | null = null;
		switch (mode) {
			case 'missing':
				break;
			case 'random':
				body = {
					width: w,
					height: h,
					keypoints: COCO_KEYPOINTS.map(() => hurt(randomKeypoint(rng, w, h)))
				};
				break;
			case 'sparse':
				body = {
					width: w,
					height: h,
					keypoints: COCO_KEYPOINTS.map(() => (rng.chance(0.2) ? randomKeypoint(rng, w, h) : null))
				};
				break;
			case 'still':
				body = { width: w, height: h, keypoints: person.keypoints.map(hurt) };
				break;
			case 'bad-frame-size': {
				const size = pick(rng, [0, -1, NaN, Infinity, 1, 1e9] as const);
				body = {
					width: rng.chance(0.5) ? size : w,
					height: rng.chance(0.5) ? size : h,
					keypoints: person.keypoints.map(hurt)
				};
				break;
			}
		}
		yield { t, body };
	}
}

/** Paths of every number in `value` that is NaN or infinite (empty when all are finite). */
function badNumbers(value: unknown, path: string, out: string[] = [], seen = new Set<object>()) {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
	} else if (typeof value === 'object' && value !== null && !seen.has(value)) {
		seen.add(value);
		for (const [k, v] of Object.entries(value)) badNumbers(v, `${path}.${k}`, out, seen);
	}
	return out;
}

/** Everything the coach computes: the state but the body it was given (smoothed). */
function computedBadNumbers(state: CoachState): string[] {
	const { body: _body, ...computed } = state;
	return badNumbers(computed, 'state');
}

/** Keypoints of the smoothed body (what the overlay draws) with a NaN or infinite field. */
function bodyBadKeypoints(state: CoachState): string[] {
	const out: string[] = [];
	state.body?.keypoints.forEach((k, i) => {
		if (k && !(Number.isFinite(k.x) && Number.isFinite(k.y) && Number.isFinite(k.score)))
			out.push(`body.keypoints[${i}] = {x: ${k.x}, y: ${k.y}, score: ${k.score}}`);
	});
	return out;
}

interface FuzzResult {
	frames: number;
	/** The highest counts seen: reps and completed holds. */
	reps: number;
	holds: number;
	/** First few computed outputs that were NaN or infinite. */
	badOutputs: string[];
	/** First few broken keypoints in the smoothed body. */
	badBody: string[];
	error: unknown;
}

function fuzzCoach(
	def: ExerciseDefinition,
	seed: number,
	count: number,
	noise: NoiseKind
): FuzzResult {
	const r: FuzzResult = { frames: 0, reps: 0, holds: 0, badOutputs: [], badBody: [], error: null };
	try {
		const coach = new Coach(def);
		for (const frame of fuzzFrames(seed, count, noise)) {
			const state = coach.process(frame);
			const at = `frame ${r.frames} (t ${frame.t.toFixed(2)})`;
			r.frames++;
			// Keep the first few only: a systematic problem would repeat on every frame.
			if (r.badOutputs.length < 5)
				for (const p of computedBadNumbers(state)) r.badOutputs.push(`${at}: ${p}`);
			if (r.badBody.length < 5)
				for (const p of bodyBadKeypoints(state)) r.badBody.push(`${at}: ${p}`);
			r.reps = Math.max(r.reps, state.reps);
			r.holds = Math.max(r.holds, state.holdsCompleted);
		}
	} catch (e) {
		r.error = e;
	}
	return r;
}

const CHECKED = EXERCISES.filter((e) => e.cameraChecked);
const TIMERS = EXERCISES.filter((e) => !e.cameraChecked);
const PER_EXERCISE = Math.ceil(FRAMES / Math.max(1, CHECKED.length));

describe(`engine fuzz: ${FRAMES} frames of each kind of noise`, () => {
	// Runs are shared between tests (the wild run feeds two of them), computed on first use.
	const cache = new Map<string, FuzzResult>();
	const run = (def: ExerciseDefinition, noise: NoiseKind, count = PER_EXERCISE): FuzzResult => {
		const name = noise === DROPOUTS ? 'dropouts' : noise === WILD ? 'wild' : 'sizes';
		const key = `${def.id}/${name}`;
		const salt = { dropouts: 0, wild: 1000, sizes: 2000 }[name] + EXERCISES.indexOf(def);
		let r = cache.get(key);
		if (!r) cache.set(key, (r = fuzzCoach(def, SEED + salt, count, noise)));
		return r;
	};

	it('covers the catalog', () => {
		expect(CHECKED.length).toBeGreaterThanOrEqual(6);
		expect(CHECKED.length + TIMERS.length).toBe(EXERCISES.length);
	});

	for (const def of CHECKED) {
		it(`${def.id}: dropouts never throw, compute NaN or count`, () => {
			const r = run(def, DROPOUTS);
			expect(r.error).toBeNull();
			expect(r.frames).toBe(PER_EXERCISE);
			expect(r.badOutputs).toEqual([]);
			expect({ reps: r.reps, holds: r.holds }).toEqual({ reps: 0, holds: 0 });
		});
		it(`${def.id}: wild keypoints never throw or compute NaN`, () => {
			const r = run(def, WILD);
			expect(r.error).toBeNull();
			expect(r.frames).toBe(PER_EXERCISE);
			expect(r.badOutputs).toEqual([]);
		});
	}

	for (const def of TIMERS) {
		it(`${def.id} (guided timer) through the coach: no throw, no NaN, nothing counted`, () => {
			const r = run(def, WILD, TIMER_FRAMES);
			expect(r.error).toBeNull();
			expect(r.badOutputs).toEqual([]);
			expect({ reps: r.reps, holds: r.holds }).toEqual({ reps: 0, holds: 0 });
		});
	}

	/**
	 * The frame size is trusted input (the estimator drops frames of no size, the trace reader
	 * checks it), so only this: a size of 0, −1, NaN, ∞, 1 or 10⁹ px around keypoints measured in
	 * another size neither throws nor computes NaN. Counts are not checked: keypoints that do not
	 * match their frame are another picture, not noise on one.
	 */
	it('bodies with a nonsense frame size: no throw, no NaN or infinity computed', () => {
		for (const def of CHECKED) {
			const r = run(def, BAD_SIZES, Math.ceil(PER_EXERCISE / 4));
			expect(r.error, def.id).toBeNull();
			expect(r.badOutputs, def.id).toEqual([]);
		}
	});

	/**
	 * Wild keypoints counted one rep each for neck-flexion-extension and shoulder-squeeze-hold
	 * (a confident point re-thrown ~30 px every frame looked like movement of one keypoint)
	 * until the smoother learnt to reject erratic points; see the header.
	 */
	it('wild keypoints never count a rep or a hold', () => {
		const counted = CHECKED.map((def) => ({
			id: def.id,
			reps: run(def, WILD).reps,
			holds: run(def, WILD).holds
		}));
		expect(counted.filter((c) => c.reps > 0 || c.holds > 0)).toEqual([]);
	});

	/**
	 * The smoother drops keypoints with a non-finite score or coordinates far outside the frame
	 * and guards against a nonsense frame height, so `state.body` never holds NaN or ∞.
	 */
	it('the smoothed body never holds NaN or infinity', () => {
		for (const def of CHECKED) expect(run(def, WILD).badBody, def.id).toEqual([]);
	});

	/** A calibration from 6 s of someone sitting upright, as the posture page takes it. */
	function calibration(view: 'front' | 'side'): Calibration {
		const frames = sim.simulate({
			timeline: sim.idle(6, { posture: sim.sittingNeutral, sway: 0.5 }),
			camera: { distanceM: 1.6, target: { y: 0.95 }, view },
			noise: 'realistic',
			seed: SEED
		}).frames;
		const measuring = new PostureEngine();
		const c = new Calibrator();
		for (const f of frames) c.add(f.t, measuring.measure(f).features);
		return c.finish();
	}

	for (const view of ['front', 'side'] as const) {
		it(`posture monitor (${view} calibration): no throw, no NaN, statuses and nudges stay valid`, () => {
			const engine = new PostureEngine();
			engine.calibration = calibration(view);
			let nudges: NudgeState = INITIAL_NUDGE_STATE;
			const bad: string[] = [];
			const statuses = new Set<string>();
			let frames = 0;
			for (const f of fuzzFrames(SEED + (view === 'front' ? 7 : 8), FRAMES / 2, BAD_SIZES)) {
				const reading = engine.process(f);
				const wall = new Date(Date.UTC(2026, 0, 5, 10) + f.t * 1000);
				const step = nudgeStep(
					nudges,
					{ t: f.t, wall, status: reading.status },
					DEFAULT_NUDGE_CONFIG
				);
				nudges = step.state;
				statuses.add(reading.status);
				if (bad.length < 5) {
					const { body: _body, ...computed } = reading;
					// The frame size in `features` is the one it was given (nonsense, in this noise).
					for (const p of badNumbers(computed, 'reading'))
						if (!/^reading\.features\.(width|height) /.test(p)) bad.push(`frame ${frames}: ${p}`);
					for (const p of badNumbers(step, 'nudge')) bad.push(`frame ${frames}: ${p}`);
					reading.body?.keypoints.forEach((k, i) => {
						if (k && !(Number.isFinite(k.x) && Number.isFinite(k.y) && Number.isFinite(k.score)))
							bad.push(`frame ${frames}: body.keypoints[${i}] = ${k.x}, ${k.y}, ${k.score}`);
					});
				}
				frames++;
			}
			expect(frames).toBe(FRAMES / 2);
			expect(bad).toEqual([]);
			for (const s of statuses) expect(POSTURE_STATUSES).toContain(s);
		});
	}

	it('posture calibration on noise: a CalibrationError or a calibration, never a crash', () => {
		const measuring = new PostureEngine();
		for (let i = 0; i < 40; i++) {
			const c = new Calibrator();
			for (const f of fuzzFrames(SEED + 3000 + i, 180, i % 2 ? WILD : BAD_SIZES))
				c.add(f.t, measuring.measure(f).features);
			let cal: Calibration | null = null;
			try {
				cal = c.finish();
			} catch (e) {
				expect(e).toBeInstanceOf(CalibrationError);
			}
			// Frame sizes are trusted input (see above): with nonsense ones only "no crash" holds.
			if (cal && i % 2) expect(badNumbers(cal, 'calibration')).toEqual([]);
		}
	});

	it('posture analysis (the command-line analyser): no throw and no NaN after a clean calibration', () => {
		// A calibration it can use (6 s of someone sitting upright, side view), then the fuzz.
		const calibration = sim.simulate({
			timeline: sim.idle(6, { posture: sim.sittingNeutral, sway: 0.5 }),
			camera: { view: 'side' },
			noise: 'realistic',
			seed: SEED
		}).frames;
		const offset = (calibration.at(-1)?.t ?? 0) + 1 / FPS;
		const frames: PoseFrame[] = [...calibration];
		for (const f of fuzzFrames(SEED + 999, FRAMES / 5, BAD_SIZES))
			frames.push({ t: f.t + offset, body: f.body });
		const report = analyzePosture(frames);
		expect(report.frames).toHaveLength(frames.length);
		expect(badNumbers(report, 'report')).toEqual([]);
		const states = new Set(report.frames.map((f) => f.state));
		for (const s of states) expect(['upright', 'slouched', 'away', 'unknown']).toContain(s);
		const total = Object.values(report.secondsByState).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(0);
		expect(report.slouchedSeconds).toBeLessThanOrEqual(total);
	});

	it('posture analysis with nobody in view reports a clear error, not a crash', () => {
		const frames = [...fuzzFrames(SEED + 4242, 5_000, DROPOUTS)].filter((f) => f.body === null);
		expect(frames.length).toBeGreaterThan(100);
		expect(() => analyzePosture(frames)).toThrow(/no person/);
	});
});
