/**
 * Sitting posture over a recording, first version: is the person sitting as upright as they
 * did during a calibration window, slouched, away, or is the pose too uncertain to say?
 *
 * Everything is relative to the person's own calibration (seconds S–E, by default the first 5 s
 * with a person in view), because a camera sees only a 2D projection and people's "upright"
 * differs. From the SIDE the neck lean (ear over shoulder, deg), the ear's offset ahead of the
 * shoulder and the trunk lean are compared; from the FRONT the ear–shoulder gap (the head sinks
 * between the shoulders) and the nose dropping below the ears. Forward head alone is nearly
 * invisible from the front; the side view is the better one for this.
 *
 * What it does not do: judge an absolute posture (calibrating while slouched makes slouching
 * the norm), tell a rounded upper back from a leaning trunk, or notice reclining (leaning back
 * is not counted as slouching). Pure: no DOM, no Node.
 */
import { KeypointSmoother } from '../filters/keypoint-smoother';
import { computeMetrics, type Metrics } from '../metrics/body-metrics';
import { detectView, type ViewReading } from '../metrics/view';
import { KP, meanScore, type Body, type KeypointName, type PoseFrame } from '../pose/keypoints';

export type PostureState = 'upright' | 'slouched' | 'away' | 'unknown';
export type PostureView = 'front' | 'side';

/** How far past the calibration a metric must move (in the slouching direction) to count. */
export interface PostureThresholds {
	/** Side: neck (shoulder → ear) leaning further forward, deg. */
	neckForwardDeg: number;
	/** Side: ear further ahead of the shoulder, scale units (torso lengths). */
	headForward: number;
	/** Side: trunk (hip → shoulder) leaning further forward, deg. */
	trunkLeanForwardDeg: number;
	/** Front: ear–shoulder gap smaller by, scale units (1.3 shoulder widths). */
	earShoulderGapDrop: number;
	/** Front: nose lower below the ear line by, ear widths. */
	noseDrop: number;
}

/**
 * Chosen on the stick figure sitting at a desk camera (1.6 m): upright vs slouched moves the neck
 * lean by ≈ 48°, the ear ≈ 0.29 and the trunk ≈ 19° from the side; from the front the
 * ear–shoulder gap closes by ≈ 0.11 and the nose drops ≈ 0.45 ear widths. A pure forward head
 * (chin poke) gives ≈ 23° / 0.15 from the side. Glancing down (neck flexed 25°) gives ≈ 12° and a
 * nose drop ≈ 0.31, which should NOT count; realistic keypoint noise after smoothing is ≈ 2–3°,
 * 0.01–0.02 scale units and ≈ 0.05 ear widths.
 */
export const DEFAULT_POSTURE_THRESHOLDS: Readonly<PostureThresholds> = Object.freeze({
	neckForwardDeg: 16,
	headForward: 0.12,
	trunkLeanForwardDeg: 12,
	earShoulderGapDrop: 0.06,
	noseDrop: 0.4
});

export interface PostureOptions {
	/** Calibration window in seconds; default: the first `calibrationSeconds` with a person. */
	calibrate?: { start: number; end: number };
	/** Length of the default calibration window, s (default 5). */
	calibrationSeconds?: number;
	thresholds?: Partial<PostureThresholds>;
	/** A new state must last this long (s) before it replaces the current one (default 1). */
	settleSeconds?: number;
	/** Slouched ends only when every metric is back within this share of its threshold. */
	releaseShare?: number;
	/** Mean keypoint score of the head and shoulders below which the state is unknown. */
	minConfidence?: number;
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
		baseline: Partial<Record<PostureMetric, number>>;
	};
	frames: PostureFrame[];
	/** Seconds spent slouched (time steps over 0.5 s, e.g. gaps in the trace, count 0.5 s). */
	slouchedSeconds: number;
	/** Seconds in each state, same rule. */
	secondsByState: Record<PostureState, number>;
}

export class PostureError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PostureError';
	}
}

type PostureMetric =
	'neckForward' | 'headForward' | 'trunkLeanForward' | 'earShoulderGap' | 'noseDrop';

const SIDE_METRICS = ['neckForward', 'headForward', 'trunkLeanForward'] as const;
const FRONT_METRICS = ['earShoulderGap', 'noseDrop'] as const;
/** Metrics that must be measurable for a verdict in each view (trunk lean needs the hips). */
const NEEDED: Record<PostureView, readonly PostureMetric[]> = {
	side: ['neckForward', 'headForward'],
	front: ['earShoulderGap', 'noseDrop']
};

const DEFAULT_CALIBRATION_SECONDS = 5;
const DEFAULT_SETTLE_SECONDS = 1;
const DEFAULT_RELEASE_SHARE = 0.6;
/** Head-and-shoulder keypoints' mean score below this: the model is guessing. */
const DEFAULT_MIN_CONFIDENCE = 0.3;
/** Largest time step credited to a state, s (a gap in the recording is not time spent). */
const MAX_STEP_SECONDS = 0.5;

const FRONT_KEYPOINTS: readonly KeypointName[] = [
	'nose',
	'left_ear',
	'right_ear',
	'left_shoulder',
	'right_shoulder'
];

/** Keypoints of the side nearer the camera (the better-seen one) plus the nose. */
function sideKeypoints(body: Body): KeypointName[] {
	const s = (n: KeypointName) => body.keypoints[KP[n]]?.score ?? 0;
	const left = s('left_ear') + s('left_shoulder');
	const right = s('right_ear') + s('right_shoulder');
	return left >= right
		? ['nose', 'left_ear', 'left_shoulder']
		: ['nose', 'right_ear', 'right_shoulder'];
}

function confidence(body: Body, view: PostureView): number {
	return meanScore(body, view === 'front' ? FRONT_KEYPOINTS : sideKeypoints(body));
}

function median(values: number[]): number | undefined {
	if (values.length === 0) return undefined;
	const v = [...values].sort((a, b) => a - b);
	const mid = v.length >> 1;
	return v.length % 2 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2;
}

interface Measured {
	t: number;
	/** Smoothed body; null: no person. */
	body: Body | null;
	reading: ViewReading | null;
	/** The definite view seen in this frame, or null. */
	view: PostureView | null;
	/** Metrics in the calibration's view (filled once that view is known). */
	metrics: Metrics | null;
}

/** Smooths keypoints and reads the camera view of every frame. */
function measure(frames: readonly PoseFrame[]): Measured[] {
	const smoother = new KeypointSmoother();
	return frames.map((f) => {
		if (!f.body) return { t: f.t, body: null, reading: null, view: null, metrics: null };
		const body = smoother.apply(f.body, f.t);
		const reading = detectView(body);
		const view = reading.view === 'unknown' ? null : reading.view;
		return { t: f.t, body, reading, view, metrics: null };
	});
}

/** Sitting-posture states over time, relative to a calibration window (see the module comment). */
export function analyzePosture(
	frames: readonly PoseFrame[],
	options: PostureOptions = {}
): PostureReport {
	const th = { ...DEFAULT_POSTURE_THRESHOLDS, ...options.thresholds };
	const settle = options.settleSeconds ?? DEFAULT_SETTLE_SECONDS;
	const release = options.releaseShare ?? DEFAULT_RELEASE_SHARE;
	const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
	const measured = measure(frames);

	// --- Calibration window ---
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
		const first = measured.find((m) => m.body !== null);
		if (!first) throw new PostureError('no person is seen anywhere in the recording');
		start = first.t;
		end = start + (options.calibrationSeconds ?? DEFAULT_CALIBRATION_SECONDS);
	}
	const window = measured.filter((m) => m.t >= start && m.t <= end && m.body !== null);
	const span = `${round(start, 2)}–${round(end, 2)} s`;
	if (window.length === 0) {
		throw new PostureError(
			`no person is seen during the calibration window (${span}); choose seconds when you sit upright in view`
		);
	}
	const votes = { front: 0, side: 0 };
	for (const m of window) if (m.view) votes[m.view] += 1;
	if (votes.front === 0 && votes.side === 0) {
		throw new PostureError(
			`the camera view (front or side) cannot be told during the calibration window (${span}); sit facing the camera or side-on to it`
		);
	}
	const view: PostureView = votes.side > votes.front ? 'side' : 'front';
	// Metrics in that view for every frame not clearly seen in the other one. Real side views
	// often read as "unknown" (MoveNet puts the far shoulder a little apart: width ratio
	// 0.3–0.5), so those are measured as the calibration's view; a person turning away passes
	// through them in well under the settling time.
	for (const m of measured) {
		if (m.body && m.reading && m.view !== otherView(view)) {
			m.metrics = computeMetrics(m.body, { ...m.reading, view });
		}
	}
	const names = view === 'side' ? SIDE_METRICS : FRONT_METRICS;
	const baseline: Partial<Record<PostureMetric, number>> = {};
	const usable = window.filter((m) => m.view !== otherView(view));
	for (const n of names) {
		const v = median(
			usable.map((m) => m.metrics?.[n]).filter((x): x is number => typeof x === 'number')
		);
		if (v !== undefined) baseline[n] = v;
	}
	const missing = NEEDED[view].filter((n) => baseline[n] === undefined);
	if (missing.length > 0) {
		throw new PostureError(
			`during the calibration window (${span}) the ${view} view never showed ${missing.join(' and ')} (head or shoulders not seen clearly)`
		);
	}

	// --- Per-frame verdicts ---
	/** How far past threshold the worst metric is (≥ 1: slouched), or null when unmeasurable. */
	const severity = (m: Measured): number | null => {
		const met = m.metrics;
		if (!met) return null;
		const d = (n: PostureMetric): number | null => {
			const v = met[n];
			const b = baseline[n];
			return v === null || b === undefined ? null : v - b;
		};
		if (NEEDED[view].some((n) => d(n) === null)) return null;
		const ratios: number[] =
			view === 'side'
				? [
						d('neckForward')! / th.neckForwardDeg,
						d('headForward')! / th.headForward,
						...(d('trunkLeanForward') !== null
							? [d('trunkLeanForward')! / th.trunkLeanForwardDeg]
							: [])
					]
				: [-d('earShoulderGap')! / th.earShoulderGapDrop, d('noseDrop')! / th.noseDrop];
		return Math.max(...ratios);
	};

	const out: PostureFrame[] = [];
	let stable = null as PostureState | null;
	let pending = null as { state: PostureState; since: number } | null;
	let gap = null as { state: PostureState; since: number } | null;
	for (const m of measured) {
		let raw: PostureState;
		if (!m.body) raw = 'away';
		else if (m.view === otherView(view) || confidence(m.body, view) < minConfidence)
			raw = 'unknown';
		else {
			const s = severity(m);
			if (s === null) raw = 'unknown';
			else if (s >= 1) raw = 'slouched';
			// Hysteresis: once slouched, sitting up only counts when clearly back.
			else if (stable === 'slouched' && s > release) raw = 'slouched';
			else raw = 'upright';
		}
		if (stable === null) {
			stable = raw;
		} else if (raw === 'upright' || raw === 'slouched') {
			gap = null;
			if (raw === stable) pending = null;
			else {
				if (pending?.state !== raw) pending = { state: raw, since: m.t };
				if (m.t - pending.since >= settle) {
					stable = raw;
					pending = null;
				}
			}
		} else {
			// No verdict in this frame (away, unknown). A short gap, like a missed frame or a lost
			// shoulder, changes nothing and does not restart a change under way.
			if (gap?.state !== raw) gap = { state: raw, since: m.t };
			if (m.t - gap.since >= settle) {
				stable = raw;
				pending = null;
			}
		}
		out.push({ t: round(m.t, 3), state: stable });
	}

	const secondsByState: Record<PostureState, number> = {
		upright: 0,
		slouched: 0,
		away: 0,
		unknown: 0
	};
	for (let i = 0; i + 1 < measured.length; i++) {
		const dt = Math.min(MAX_STEP_SECONDS, measured[i + 1]!.t - measured[i]!.t);
		secondsByState[out[i]!.state] += dt;
	}
	for (const k of Object.keys(secondsByState) as PostureState[]) {
		secondsByState[k] = round(secondsByState[k], 1);
	}
	return {
		view,
		calibration: { start, end, frames: usable.length, baseline },
		frames: out,
		slouchedSeconds: secondsByState.slouched,
		secondsByState
	};
}

const otherView = (v: PostureView): PostureView => (v === 'side' ? 'front' : 'side');

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

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
