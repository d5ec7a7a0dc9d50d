/**
 * Calibration: the person sits well for a few seconds (about 10 live) and we record how that
 * looks: which view the camera has, which way they face, the unit of length (their shoulder
 * width from the front, torso length from the side) and the median of every posture metric.
 * Everything the monitor says later is relative to this (./metrics.ts). Plain data, so the
 * page can keep it across reloads.
 */
import { median } from '../geometry/vec';
import { looksFrontOn, type PostureFeatures } from './features';
import {
	METRICS_BY_VIEW,
	POSTURE_METRICS,
	REQUIRED_METRICS,
	readMetrics,
	type MetricValues,
	type PostureMetricId,
	type PostureReference
} from './metrics';
import type { PostureView, Pt } from './types';

export const CALIBRATION_VERSION = 1;

export interface Calibration {
	version: typeof CALIBRATION_VERSION;
	view: PostureView;
	reference: PostureReference;
	/** Median of each metric over the calibration: the person's upright. */
	baseline: MetricValues;
	/** Where the person sat, for noticing a moved camera (./setup-check.ts). */
	anchor: {
		/** Frame size, px. */
		width: number;
		height: number;
		/** Shoulder midpoint (null: the shoulders were out of view) and head point, px. */
		shoulder: Pt | null;
		head: Pt;
	};
	/** Session times (s) of the first and last frame used, and how many frames. */
	start: number;
	end: number;
	frames: number;
}

export type CalibrationProblem = 'no-person' | 'view-unclear' | 'not-seen' | 'moving';

export class CalibrationError extends Error {
	readonly problem: CalibrationProblem;
	constructor(problem: CalibrationProblem, message: string) {
		super(message);
		this.name = 'CalibrationError';
		this.problem = problem;
	}
}

/**
 * Shoulder width (biacromial breadth, ≈ 35–40 cm in adults) over head width (ear to ear, the
 * bitragion breadth, ≈ 14–15 cm): ≈ 2.5. The front unit when the shoulders are out of view.
 */
const SHOULDERS_PER_HEAD_WIDTH = 2.5;
/** Neck length (ear to shoulder) ≈ 0.45 torso lengths in adults: the side unit without hips. */
const NECK_PER_TORSO = 0.45;
/**
 * Live calibrations must be still: the head's spread (standard deviation of its height) above
 * this many shoulder widths / torso lengths means the person was moving, not sitting. Breathing
 * and typing stay under 0.03; turning to talk to someone is ≈ 0.1.
 */
export const MAX_CALIBRATION_SPREAD = 0.08;

function spread(values: readonly number[]): number {
	if (values.length < 2) return 0;
	const m = values.reduce((a, b) => a + b, 0) / values.length;
	return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
}

const medianPt = (pts: readonly Pt[]): Pt | undefined => {
	const x = median(pts.map((p) => p.x));
	const y = median(pts.map((p) => p.y));
	return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
};

export interface CalibrateOptions {
	/** Reject a calibration where the head moved (see MAX_CALIBRATION_SPREAD). */
	requireStill?: boolean;
	/** Force the view instead of reading it from the frames. */
	view?: PostureView;
}

/** Collects frames while the person sits well, then works out the calibration. */
export class Calibrator {
	#frames: Array<{ t: number; f: PostureFeatures }> = [];
	#people = 0;
	#first: number | null = null;
	#last: number | null = null;

	/** One frame: its features, or null when nobody is there. */
	add(t: number, f: PostureFeatures | null): void {
		this.#first ??= t;
		this.#last = t;
		if (!f) return;
		this.#people++;
		this.#frames.push({ t, f });
	}

	/** Seconds since the first frame added. */
	get seconds(): number {
		return this.#first === null || this.#last === null ? 0 : this.#last - this.#first;
	}

	/** Frames with a person so far. */
	get frames(): number {
		return this.#people;
	}

	/** The calibration, or a CalibrationError saying what to change. */
	finish(options: CalibrateOptions = {}): Calibration {
		const frames = this.#frames;
		if (frames.length === 0) {
			throw new CalibrationError('no-person', 'nobody was in view while calibrating');
		}
		const view = options.view ?? this.#view();
		// Frames that clearly show the other view (turned while calibrating) do not count.
		const usable = frames.filter(({ f }) => {
			const front = looksFrontOn(f);
			return front === null || front === (view === 'front');
		});
		const facing = view === 'side' ? facingOf(usable.map((u) => u.f)) : 1;
		const scale = unitOf(
			view,
			usable.map((u) => u.f)
		);
		if (scale === undefined) {
			throw new CalibrationError(
				'not-seen',
				view === 'front'
					? 'the face or both shoulders must be in view while calibrating'
					: 'the ear and shoulder nearer the camera must be in view while calibrating'
			);
		}
		const hipsSeen = usable.filter((u) => u.f.hip !== null).length;
		const reference: PostureReference = {
			view,
			facing,
			scale,
			hips: view === 'side' && hipsSeen >= usable.length / 2 && hipsSeen > 0
		};
		const values = usable.map((u) => readMetrics(u.f, reference));
		const baseline: MetricValues = {};
		for (const m of METRICS_BY_VIEW[view]) {
			const v = median(
				values.map((x) => x[m.id]).filter((x): x is number => typeof x === 'number')
			);
			if (Number.isFinite(v)) baseline[m.id] = v;
		}
		const missing = REQUIRED_METRICS[view].filter((id) => baseline[id] === undefined);
		if (missing.length > 0) {
			throw new CalibrationError(
				'not-seen',
				`the ${view} view never showed the head and shoulders clearly enough to measure ${missing.map(metricName).join(' or ')}`
			);
		}
		const heads = usable.map((u) => u.f.head).filter((p): p is Pt => p !== null);
		const shoulders = usable.map((u) => u.f.shoulder).filter((p): p is Pt => p !== null);
		if (options.requireStill && spread(heads.map((h) => h.y / scale)) > MAX_CALIBRATION_SPREAD) {
			throw new CalibrationError(
				'moving',
				'you moved while calibrating: sit still, upright, for the whole count'
			);
		}
		const first = frames[0]!;
		return {
			version: CALIBRATION_VERSION,
			view,
			reference,
			baseline,
			anchor: {
				width: first.f.width,
				height: first.f.height,
				shoulder: medianPt(shoulders) ?? null,
				head: medianPt(heads)!
			},
			start: first.t,
			end: frames.at(-1)!.t,
			frames: usable.length
		};
	}

	#view(): PostureView {
		let front = 0;
		let side = 0;
		for (const { f } of this.#frames) {
			const v = looksFrontOn(f);
			if (v === true) front++;
			else if (v === false) side++;
		}
		if (front === 0 && side === 0) {
			throw new CalibrationError(
				'view-unclear',
				'the camera view (front or side) cannot be told; sit facing the camera or side-on to it'
			);
		}
		return side > front ? 'side' : 'front';
	}
}

function metricName(id: PostureMetricId): string {
	return POSTURE_METRICS.find((m) => m.id === id)?.label.toLowerCase() ?? id;
}

/** The way the person faces in a side view: where the nose is relative to the ear, by vote. */
function facingOf(fs: readonly PostureFeatures[]): 1 | -1 {
	let sum = 0;
	for (const f of fs) sum += f.noseSide;
	// No nose in view: assume image right. The forward metrics then read mirrored, which the
	// page avoids by asking for the face in view while calibrating.
	return sum < 0 ? -1 : 1;
}

/** Pixels per unit: median shoulder width (front) or torso length (side; neck-based fallback). */
function unitOf(view: PostureView, fs: readonly PostureFeatures[]): number | undefined {
	if (view === 'front') {
		const w = median(fs.map((f) => f.shoulderWidth).filter((x): x is number => x !== null));
		if (w > 1) return w;
		// Shoulders out of view (a camera close to the face): the head's width stands in for
		// them, so the unit keeps its size in shoulder widths.
		const head = median(fs.map((f) => f.headWidth).filter((x): x is number => x !== null));
		return head > 1 ? head * SHOULDERS_PER_HEAD_WIDTH : undefined;
	}
	const torso = median(
		fs
			.map((f) =>
				f.hip && f.shoulder ? Math.hypot(f.hip.x - f.shoulder.x, f.hip.y - f.shoulder.y) : null
			)
			.filter((x): x is number => x !== null && x > 1)
	);
	if (Number.isFinite(torso)) return torso;
	const neck = median(
		fs
			.map((f) =>
				f.head && f.shoulder ? Math.hypot(f.head.x - f.shoulder.x, f.head.y - f.shoulder.y) : null
			)
			.filter((x): x is number => x !== null && x > 1)
	);
	return Number.isFinite(neck) ? neck / NECK_PER_TORSO : undefined;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPt = (v: unknown): v is Pt => isObj(v) && num(v.x) && num(v.y);

/** A stored calibration if it is one this version understands, else null. */
export function parseCalibration(v: unknown): Calibration | null {
	if (!isObj(v) || v.version !== CALIBRATION_VERSION) return null;
	if (v.view !== 'front' && v.view !== 'side') return null;
	const r = v.reference;
	if (
		!isObj(r) ||
		r.view !== v.view ||
		(r.facing !== 1 && r.facing !== -1) ||
		!num(r.scale) ||
		!(r.scale > 0) ||
		typeof r.hips !== 'boolean'
	) {
		return null;
	}
	const a = v.anchor;
	if (
		!isObj(a) ||
		!num(a.width) ||
		!num(a.height) ||
		!(a.shoulder === null || isPt(a.shoulder)) ||
		!isPt(a.head)
	) {
		return null;
	}
	if (!isObj(v.baseline) || !num(v.start) || !num(v.end) || !num(v.frames)) return null;
	const baseline: MetricValues = {};
	for (const m of METRICS_BY_VIEW[v.view]) {
		const b = v.baseline[m.id];
		if (b !== undefined && !num(b)) return null;
		if (num(b)) baseline[m.id] = b;
	}
	if (REQUIRED_METRICS[v.view].some((id) => baseline[id] === undefined)) return null;
	return {
		version: CALIBRATION_VERSION,
		view: v.view,
		reference: { view: v.view, facing: r.facing, scale: r.scale, hips: r.hips },
		baseline,
		anchor: {
			width: a.width,
			height: a.height,
			shoulder: a.shoulder === null ? null : { x: a.shoulder.x, y: a.shoulder.y },
			head: { x: a.head.x, y: a.head.y }
		},
		start: v.start,
		end: v.end,
		frames: v.frames
	};
}
