/**
 * Sitting posture over a recording: the live posture monitor's engine (src/lib/posture) run
 * over every frame, for the command-line analyser (`npm run -s analyze -- <file> --posture`).
 * Same calibration, metrics, settling and nudge timing as the page; only the clock differs.
 *
 * Everything is relative to the person's own calibration (seconds S–E, by default the first 5 s
 * with a person in view), because a camera sees only a 2D projection and people's "upright"
 * differs. See src/lib/posture/metrics.ts for what is measured from the front and the side.
 *
 * The report keeps the four states the command line has always printed: "not in position"
 * (stood up, turned away) is reported as `unknown` there, as it is in the daily totals. What it
 * does not do: judge an absolute posture (calibrating while slouched makes slouching the norm),
 * or count reclining as slouching. Pure: no DOM, no Node.
 */
import { CalibrationError, Calibrator, type Calibration } from '../posture/calibration';
import { PostureEngine, type PostureEngineOptions } from '../posture/engine';
import type { MetricValues, PostureMetricId } from '../posture/metrics';
import type { SlouchCause } from '../posture/slouch-cause';
import {
	DEFAULT_NUDGE_CONFIG,
	INITIAL_NUDGE_STATE,
	step,
	type NudgeConfig
} from '../posture/nudges';
import {
	toPostureState,
	type PostureState,
	type PostureView,
	type Sensitivity
} from '../posture/types';
import type { PoseFrame } from '../pose/keypoints';

export type { PostureView } from '../posture/types';

export type { PostureState } from '../posture/types';

export interface PostureOptions {
	/** Calibration window in seconds; default: the first `calibrationSeconds` with a person. */
	calibrate?: { start: number; end: number };
	/** Length of the default calibration window, s (default 5). */
	calibrationSeconds?: number;
	sensitivity?: Sensitivity;
	/** Overrides of single metric limits at the normal sensitivity (src/lib/posture/metrics). */
	limits?: Partial<Record<PostureMetricId, number>>;
	/** A new state must last this long (s) before it replaces the current one (default 1). */
	settleSeconds?: number;
	/** Slouched ends only when every metric is back within this share of its limit. */
	releaseShare?: number;
	/** Mean keypoint score of the head and shoulders below which the state is unknown. */
	minConfidence?: number;
	/** Seconds of slouching before a nudge (default 30, as live). */
	graceSeconds?: number;
	/** Engine options beyond these (e.g. the setup check). */
	engine?: Pick<PostureEngineOptions, 'setupCheck' | 'smooth'>;
}

export interface PostureFrame {
	t: number;
	state: PostureState;
}

export interface PostureReport {
	/** The camera view the calibration saw. */
	view: PostureView;
	calibration: {
		start: number;
		end: number;
		/** Frames the baseline was measured on. */
		frames: number;
		/** Median of each metric over the calibration (the person's upright). */
		baseline: MetricValues;
	};
	frames: PostureFrame[];
	/** Seconds spent slouched (time steps over 0.5 s, e.g. gaps in the trace, count 0.5 s). */
	slouchedSeconds: number;
	/** Seconds in each state, same rule. */
	secondsByState: Record<PostureState, number>;
	/**
	 * Of the slouched seconds, those put down to each cause (src/lib/posture/slouch-cause.ts),
	 * same rule; `neither` when the head and the shoulders were both unclear.
	 */
	slouchedSecondsByCause: Record<SlouchCause | 'neither', number>;
	/** Session times (s) at which the live monitor would have nudged to sit up. */
	nudges: number[];
	/** Seconds of slouching before a nudge, as used for `nudges`. */
	graceSeconds: number;
}

export class PostureError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PostureError';
	}
}

const DEFAULT_CALIBRATION_SECONDS = 5;
/** Largest time step credited to a state, s (a gap in the recording is not time spent). */
const MAX_STEP_SECONDS = 0.5;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Calibrates on the frames of [start, end] (smoothed as the engine smooths them). */
function calibrateOn(frames: readonly PoseFrame[], start: number, end: number): Calibration {
	const measuring = new PostureEngine();
	const calibrator = new Calibrator();
	for (const f of frames) {
		const { features } = measuring.measure(f);
		if (f.t >= start && f.t <= end) calibrator.add(f.t, features);
	}
	const span = `${round(start, 2)}–${round(end, 2)} s`;
	try {
		return calibrator.finish();
	} catch (e) {
		if (!(e instanceof CalibrationError)) throw e;
		if (e.problem === 'no-person') {
			throw new PostureError(
				`no person is seen during the calibration window (${span}); choose seconds when you sit upright in view`
			);
		}
		if (e.problem === 'view-unclear') {
			throw new PostureError(
				`the camera view (front or side) cannot be told during the calibration window (${span}); sit facing the camera or side-on to it`
			);
		}
		throw new PostureError(`during the calibration window (${span}) ${e.message}`);
	}
}

/** Sitting-posture states over time, relative to a calibration window (see the module comment). */
export function analyzePosture(
	frames: readonly PoseFrame[],
	options: PostureOptions = {}
): PostureReport {
	let start: number;
	let end: number;
	if (options.calibrate) {
		({ start, end } = options.calibrate);
		if (!(end > start)) {
			throw new PostureError(
				`calibration window ${start}–${end} s is empty: end must be after start`
			);
		}
	} else {
		const first = frames.find((f) => f.body !== null);
		if (!first) throw new PostureError('no person is seen anywhere in the recording');
		start = first.t;
		end = start + (options.calibrationSeconds ?? DEFAULT_CALIBRATION_SECONDS);
	}
	const calibration = calibrateOn(frames, start, end);

	const engine = new PostureEngine({
		sensitivity: options.sensitivity,
		limits: options.limits,
		settleSeconds: options.settleSeconds,
		releaseShare: options.releaseShare,
		minConfidence: options.minConfidence,
		...options.engine
	});
	engine.calibration = calibration;
	const nudgeConfig: NudgeConfig = {
		...DEFAULT_NUDGE_CONFIG,
		graceSeconds: options.graceSeconds ?? DEFAULT_NUDGE_CONFIG.graceSeconds,
		// A recording says nothing about breaks.
		breakMinutes: 0
	};
	let nudgeState = INITIAL_NUDGE_STATE;
	const nudges: number[] = [];
	const wall = new Date(0);
	let restarted = false;
	const causes: Array<SlouchCause | null> = [];
	const out: PostureFrame[] = frames.map((f) => {
		if (!restarted && f.t >= start) {
			// The calibration's own seconds are judged on their own readings, as live (where
			// judging starts after calibrating): before, median windows and a slouch settled on
			// the frames before them (someone still settling into the chair) carried over, and
			// the seconds that defined upright were called slouched.
			engine.reset();
			restarted = true;
		}
		const r = engine.process(f);
		const next = step(nudgeState, { t: f.t, wall, status: r.status }, nudgeConfig);
		nudgeState = next.state;
		for (const e of next.events) if (e.kind === 'posture') nudges.push(round(e.t, 3));
		causes.push(r.cause);
		return { t: round(f.t, 3), state: toPostureState(r.status) };
	});

	const secondsByState: Record<PostureState, number> = {
		upright: 0,
		slouched: 0,
		away: 0,
		unknown: 0
	};
	const slouchedSecondsByCause: Record<SlouchCause | 'neither', number> = {
		'forward-head': 0,
		'rounded-shoulders': 0,
		neither: 0
	};
	for (let i = 0; i + 1 < frames.length; i++) {
		const dt = Math.min(MAX_STEP_SECONDS, Math.max(0, frames[i + 1]!.t - frames[i]!.t));
		if (!Number.isFinite(dt)) continue;
		secondsByState[out[i]!.state] += dt;
		if (out[i]!.state === 'slouched') slouchedSecondsByCause[causes[i] ?? 'neither'] += dt;
	}
	for (const k of Object.keys(secondsByState) as PostureState[]) {
		secondsByState[k] = round(secondsByState[k], 1);
	}
	for (const k of Object.keys(slouchedSecondsByCause) as Array<SlouchCause | 'neither'>) {
		slouchedSecondsByCause[k] = round(slouchedSecondsByCause[k], 1);
	}
	return {
		view: calibration.view,
		calibration: {
			start,
			end,
			frames: calibration.frames,
			baseline: calibration.baseline
		},
		frames: out,
		slouchedSeconds: secondsByState.slouched,
		secondsByState,
		slouchedSecondsByCause,
		nudges,
		graceSeconds: nudgeConfig.graceSeconds
	};
}

/** Consecutive runs of one state, for summaries: [{state, start, end}] (end = next run's start). */
export function postureSegments(
	frames: readonly PostureFrame[]
): Array<{ state: PostureState; start: number; end: number }> {
	const segs: Array<{ state: PostureState; start: number; end: number }> = [];
	for (const f of frames) {
		const last = segs.at(-1);
		if (last && last.state === f.state) last.end = f.t;
		else {
			if (last) last.end = f.t;
			segs.push({ state: f.state, start: f.t, end: f.t });
		}
	}
	return segs;
}
