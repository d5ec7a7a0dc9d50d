/**
 * Body metrics: joint angles and normalised distances from one canonical body.
 *
 * Units are in every name's comment: degrees for angles; torso lengths for distances (`scale`
 * in METRIC_UNIT, the body scale): the torso (mid-shoulder to mid-hip) in a side view, and
 * 1.3 × shoulder width in a front view (1.3 is the typical adult torso/biacromial ratio, so both
 * scales agree for an upright adult and a metric means the same thing in both views; ≈ 50 cm on
 * an adult). A side view with the hips out of frame estimates it from the upper arm (0.65 of a
 * torso). A metric the keypoints cannot support is `null`, never NaN.
 *
 * Sides are anatomical: "left" is the person's left. In a non-mirrored front view the person's
 * left appears on the IMAGE RIGHT. Functions read the sign from the keypoints themselves, so a
 * mirrored input gives the same metrics.
 */
import {
	distance,
	jointAngle,
	midOrEither,
	RAD_TO_DEG,
	tiltFromVertical,
	type Point
} from '../geometry/vec';
import { seen, trunkPoints, type Body, type KeypointName } from '../pose/keypoints';
import { detectView, FRONT_MIN_RATIO, type ViewReading } from './view';

export const BASE_METRICS = [
	/** Upper-arm elevation from hanging (0°) to straight overhead (180°), deg. Either plane. */
	'armRaiseLeft',
	'armRaiseRight',
	/** Mean of both arms, deg. */
	'armRaise',
	/** The lower arm, deg: "both arms reach at least this high". */
	'armRaiseMin',
	/** |left − right| arm raise, deg. */
	'armAsymmetry',
	/** Elbow interior angle, deg (180 = straight). */
	'elbowAngleLeft',
	'elbowAngleRight',
	'elbowAngleMin',
	/** Elbow height above its shoulder, torso lengths (+ above, − below). */
	'elbowHeightLeft',
	'elbowHeightRight',
	'elbowHeightMin',
	/** Wrist height above its shoulder in arm lengths: −1 hanging, 0 shoulder height, +1 overhead. */
	'wristLiftLeft',
	'wristLiftRight',
	'wristLiftMin',
	/**
	 * Wrist height above its shoulder in torso lengths (an adult arm is ≈ 1.15). Unlike wristLift
	 * it does not shrink with a foreshortened arm, so a sideways raise seen side-on (which looks
	 * "straight up" in 2D) still reads low.
	 */
	'wristHeightLeft',
	'wristHeightRight',
	'wristHeightMin',
	/** Vertical ear-to-shoulder gap, torso lengths. A shrug makes it smaller. */
	'earShoulderGapLeft',
	'earShoulderGapRight',
	'earShoulderGap',
	/** Shoulder-line tilt, deg; + when the LEFT shoulder is higher. Front view. */
	'shoulderTilt',
	/** Head side tilt relative to the shoulder line, deg; + = left ear toward left shoulder. Front. */
	'neckTilt',
	/**
	 * Head side tilt from level (the ear line against the image horizontal), deg, same sign as
	 * neckTilt. Front. A shoulder hitched up tilts the shoulder line and so neckTilt, not this.
	 */
	'headTilt',
	/**
	 * Head rotation proxy: nose offset from the ear midpoint in ear widths (the distance between
	 * the ears across the image); + = facing left. Front.
	 */
	'headTurn',
	/** Nose height below the ear line in ear widths: + chin down, − looking up. Front. */
	'noseDrop',
	/** Shoulder width / ear width (ratio). Shoulder-blade squeezes narrow it. Front view. */
	'shoulderSpan',
	/** Trunk (mid-hip → mid-shoulder) side lean, deg; + toward the person's left. Front view. */
	'trunkLeanSide',
	/** Trunk lean, deg; + forward (toward where the person faces), − leaning/arching back. Side. */
	'trunkLeanForward',
	/** Neck (shoulder → ear) lean from vertical, deg; + head forward of the shoulder. Side view. */
	'neckForward',
	/** Ear ahead of the shoulder, torso lengths (forward-head offset). Side view. */
	'headForward',
	/** Shoulder ahead of the hip, torso lengths (+ rounded forward, − drawn back). Side view. */
	'shoulderForward',
	/**
	 * Shoulder girdle ahead of the hips, torso lengths, side view: like shoulderForward, but from
	 * the score-weighted mean of both shoulders and both elbows against that of both hips. Arms
	 * hanging from the shoulders move with them when the shoulder blades draw back, and each
	 * keypoint wanders on its own (≈ 3–6 px for a webcam model), so six points average that out:
	 * ≈ 1.7× less noise than the near shoulder against the near hip. For squeezes, not posture.
	 */
	'girdleForward',
	/**
	 * Head above the shoulder girdle, torso lengths, front view: the score-weighted mean height of
	 * nose, eyes and ears above that of both shoulders and both elbows. A shrug lifts the
	 * shoulders and the hanging arms together and closes this gap like earShoulderGap, with seven
	 * points averaged instead of four (≈ 1.5× less keypoint wander).
	 */
	'headGirdleGap',
	/** Face direction above horizontal (ear → nose), deg; + looking up. Side view. */
	'lookUp',
	/** Farther wrist's distance from the head (ear/nose centre), torso lengths. */
	'wristToHead',
	/** Farther elbow ahead of the ear, torso lengths: elbows pointing forward, not wide. Side view. */
	'elbowForward',
	/**
	 * Wrist carried across the body: its horizontal distance past the shoulder midline toward the
	 * OTHER side, torso lengths (+ across; about −0.4 hanging at its own side). Front view.
	 */
	'wristAcrossLeft',
	'wristAcrossRight',
	/**
	 * Shoulder width / torso length (ratio): ≈ 0.75–0.8 square to the camera, shrinking with the
	 * cosine of a trunk turn away from it (the `widthRatio` of view.ts). Front view, and only
	 * while the frame itself reads as one (≥ FRONT_MIN_RATIO): null past a ≈ 50° turn.
	 */
	'shoulderWidthRatio',
	/**
	 * Shoulder width / mean upper-arm length (ratio; ≈ 1.1–1.4 for an adult, arms hanging),
	 * front or back view. Like shoulderWidthRatio it shrinks when the shoulder blades draw
	 * together, but it needs no hips: at a desk, or seated with the back to the camera, the hips
	 * are under the frame's edge. Only meaningful while the upper arms hang in the image plane.
	 */
	'shoulderWidthToArm',
	/**
	 * Natural log of the shoulder width in pixels, front or back view. Only its change from the
	 * person's own rest means anything (`shoulderWidthLogDelta` = ln(width ÷ resting width): −0.05
	 * is the shoulder line 5 % narrower, ≈ 2 cm on a 40 cm adult shoulder width). The yardstick is
	 * the person's own shoulders, not another body part: seen from behind, the models disagree on
	 * how the upper arm changes while the shoulder blades draw together (MoveNet draws it 4–9 %
	 * longer, BlazePose 4 % shorter), so a ratio to it halved the squeeze on one model. Assumes
	 * the person stays at one distance from the camera over a rep.
	 */
	'shoulderWidthLog',
	/** Mid-hip ahead of the ankle, torso lengths (+ hips pushed forward of the feet). Side view. */
	'hipForward',
	/**
	 * Trunk (hip → shoulder) above the horizontal, deg, side view, whichever way the body lies:
	 * + shoulders higher than the hips. Standing ≈ 90, on hands and knees ≈ 0 (± 10 with arm and
	 * thigh lengths), lying face down ≈ 0, a prone chest lift 10–25, child's pose −20 to −45
	 * (hips high on the heels, chest down between the knees). For floor moves.
	 */
	'trunkRise',
	/**
	 * Head raised against the trunk line, deg, side view, whichever way the body lies: the angle
	 * of the neck (shoulder → ear) from the line hip → shoulder carried on, + toward the image
	 * top (the head lifted: cow, a prone lift with the gaze forward), − toward the floor (the
	 * head hanging: cat, child's pose). Needs no facing direction, which the nose cannot give
	 * when the face points at the floor.
	 */
	'headLift',
	/** Near hip to the near ankle, torso lengths: ≈ 0.3–0.6 sitting back on the heels. Side view. */
	'hipToHeel',
	/**
	 * Hip angle of each leg, deg: the interior angle shoulder → hip → knee (180 the thigh along
	 * the trunk line, ≈ 90 sitting, under 70 a knee hugged to the chest). Side view, whichever
	 * way the body lies.
	 */
	'hipAngleLeft',
	'hipAngleRight',
	/**
	 * Knee height above its own hip, torso lengths, side view: + above. Lying on the back with the
	 * knees bent ≈ 0.5–0.8; kneeling, on hands and knees or in child's pose the knee is below the
	 * hip (≈ −0.3 to −0.9).
	 */
	'kneeHeightLeft',
	'kneeHeightRight',
	/**
	 * The farther-reaching wrist along the trunk line, torso lengths, side view: the wrist's offset
	 * from its shoulder projected on the direction hip → shoulder (+ past the shoulder toward the
	 * head). Arms out to the sides (pointing at the camera) ≈ 0, hands at the head ≈ 0.3–0.5, arms
	 * overhead ≈ 1, arms along the sides ≈ −0.5 to −1, whichever way the body lies.
	 */
	'wristAlongTrunk',
	/**
	 * Left shoulder above the right in the image, torso lengths, side view: + when the LEFT is
	 * higher. Side-on the two shoulders lie one behind the other (≈ 0); a trunk twisted about its
	 * long axis while on the floor (thread the needle) stacks them, ≈ 0.5 for a 45° turn.
	 */
	'shoulderStack',
	/** Body scale in pixels (see header). */
	'scalePx'
] as const;

export type BaseMetricName = (typeof BASE_METRICS)[number];

export type MetricUnit = 'deg' | 'scale' | 'armLength' | 'earWidth' | 'ratio' | 'px';

/** The unit of every metric (see the comments on BASE_METRICS). */
export const METRIC_UNIT: Readonly<Record<BaseMetricName, MetricUnit>> = {
	armRaiseLeft: 'deg',
	armRaiseRight: 'deg',
	armRaise: 'deg',
	armRaiseMin: 'deg',
	armAsymmetry: 'deg',
	elbowAngleLeft: 'deg',
	elbowAngleRight: 'deg',
	elbowAngleMin: 'deg',
	elbowHeightLeft: 'scale',
	elbowHeightRight: 'scale',
	elbowHeightMin: 'scale',
	wristLiftLeft: 'armLength',
	wristLiftRight: 'armLength',
	wristLiftMin: 'armLength',
	wristHeightLeft: 'scale',
	wristHeightRight: 'scale',
	wristHeightMin: 'scale',
	earShoulderGapLeft: 'scale',
	earShoulderGapRight: 'scale',
	earShoulderGap: 'scale',
	shoulderTilt: 'deg',
	neckTilt: 'deg',
	headTilt: 'deg',
	headTurn: 'earWidth',
	noseDrop: 'earWidth',
	shoulderSpan: 'ratio',
	trunkLeanSide: 'deg',
	trunkLeanForward: 'deg',
	neckForward: 'deg',
	headForward: 'scale',
	shoulderForward: 'scale',
	girdleForward: 'scale',
	headGirdleGap: 'scale',
	lookUp: 'deg',
	wristToHead: 'scale',
	elbowForward: 'scale',
	wristAcrossLeft: 'scale',
	wristAcrossRight: 'scale',
	shoulderWidthRatio: 'ratio',
	shoulderWidthToArm: 'ratio',
	shoulderWidthLog: 'ratio',
	hipForward: 'scale',
	trunkRise: 'deg',
	headLift: 'deg',
	hipToHeel: 'scale',
	kneeHeightLeft: 'scale',
	kneeHeightRight: 'scale',
	wristAlongTrunk: 'scale',
	hipAngleLeft: 'deg',
	hipAngleRight: 'deg',
	shoulderStack: 'scale',
	scalePx: 'px'
};
/**
 * Each unit in words, for whoever reads the exercise definitions (a physiotherapist) and for the
 * generated threshold table (docs/exercise-thresholds.md). A torso length is mid-shoulder to
 * mid-hip (from the front, 1.3 shoulder widths; see the header); an arm length is shoulder to
 * elbow to wrist along the arm; an ear width is the distance between the ears seen from the front.
 */
export const UNIT_IN_WORDS: Readonly<Record<Exclude<MetricUnit, 'ratio'>, string>> = {
	deg: 'degrees',
	scale: 'torso lengths',
	armLength: 'arm lengths',
	earWidth: 'ear widths',
	px: 'pixels'
};

/** What each ratio metric is a ratio of (a unit test checks that every ratio metric is here). */
export const RATIO_OF: Readonly<Partial<Record<BaseMetricName, string>>> = {
	shoulderSpan: 'shoulder width ÷ the distance between the ears',
	shoulderWidthRatio: 'shoulder width ÷ torso length',
	shoulderWidthToArm: 'shoulder width ÷ upper-arm length (shoulder to elbow)',
	shoulderWidthLog:
		"natural log of shoulder width, so its change is ln(width ÷ the person's resting width): −0.05 ≈ 5 % narrower"
};

/** The base metric under a name (`earShoulderGapDelta` → `earShoulderGap`). */
export const baseMetricOf = (name: MetricName): BaseMetricName =>
	(name.endsWith('Delta') ? name.slice(0, -5) : name) as BaseMetricName;

/**
 * A metric's unit in words, Delta metrics included (a Delta has its metric's unit); null for a
 * ratio whose terms are not in RATIO_OF.
 */
export function metricUnitInWords(name: MetricName): string | null {
	const base = baseMetricOf(name);
	const unit = METRIC_UNIT[base];
	if (unit !== 'ratio') return UNIT_IN_WORDS[unit];
	const of = RATIO_OF[base];
	return of === undefined ? null : `ratio: ${of}`;
}

/** `<metric>Delta`: the metric minus the person's own neutral baseline (same unit). */
export type DeltaMetricName = `${BaseMetricName}Delta`;
export type MetricName = BaseMetricName | DeltaMetricName;

export type Metrics = Readonly<Record<BaseMetricName, number | null>>;

const BASE_SET: ReadonlySet<string> = new Set(BASE_METRICS);

/** True if `name` is a base metric or the Delta of one (used to validate definitions). */
export function isMetricName(name: string): name is MetricName {
	return BASE_SET.has(name) || (name.endsWith('Delta') && BASE_SET.has(name.slice(0, -5)));
}

/** Typical adult torso length / shoulder (biacromial) width. */
export const TORSO_PER_SHOULDER_WIDTH = 1.3;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const mean2 = (a: number | null, b: number | null): number | null =>
	a !== null && b !== null ? (a + b) / 2 : (a ?? b);
const min2 = (a: number | null, b: number | null): number | null =>
	a !== null && b !== null ? Math.min(a, b) : (a ?? b);
const max2 = (a: number | null, b: number | null): number | null =>
	a !== null && b !== null ? Math.max(a, b) : (a ?? b);

type Side = 'left' | 'right';

/**
 * Score-weighted mean x and y of the seen keypoints among `names` (null when none is seen):
 * a confident point counts more than a half-hidden guess.
 */
function weightedCentre(body: Body, names: readonly KeypointName[]): Point | null {
	let w = 0;
	let x = 0;
	let y = 0;
	for (const n of names) {
		const k = seen(body, n);
		if (!k) continue;
		const s = Math.min(k.score, 1);
		w += s;
		x += s * k.x;
		y += s * k.y;
	}
	return w > 0 ? { x: x / w, y: y / w } : null;
}
const GIRDLE: readonly KeypointName[] = [
	'left_shoulder',
	'right_shoulder',
	'left_elbow',
	'right_elbow'
];
const HIPS: readonly KeypointName[] = ['left_hip', 'right_hip'];
const HEAD: readonly KeypointName[] = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'];
type Part = 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'ear' | 'ankle';
const PARTS: readonly Part[] = ['shoulder', 'elbow', 'wrist', 'hip', 'ear', 'ankle'];
/** Keypoint names by side and part, built once (this runs dozens of times per frame). */
const KP_BY_SIDE: Readonly<Record<Side, Readonly<Record<Part, KeypointName>>>> = {
	left: Object.fromEntries(PARTS.map((p) => [p, `left_${p}`])) as Record<Part, KeypointName>,
	right: Object.fromEntries(PARTS.map((p) => [p, `right_${p}`])) as Record<Part, KeypointName>
};
const kp = (side: Side, part: Part): KeypointName => KP_BY_SIDE[side][part];

/** Typical adult upper-arm length / torso length (0.186 / 0.288 of standing height). */
export const UPPER_ARM_PER_TORSO = 0.65;

/**
 * Side view with the hips out of frame (a laptop at a desk): the torso length from the longer
 * upper arm, which swings in the image plane in a side view, so the camera sees it full length
 * or, foreshortened, shorter (hence the longer of the two). NaN when no upper arm is seen.
 */
function sideScaleWithoutHips(body: Body): number {
	let arm = NaN;
	for (const side of ['left', 'right'] as const) {
		const sh = seen(body, kp(side, 'shoulder'));
		const el = seen(body, kp(side, 'elbow'));
		if (sh && el) arm = Math.max(Number.isNaN(arm) ? 0 : arm, distance(sh, el));
	}
	return arm / UPPER_ARM_PER_TORSO;
}

/**
 * A steadier body scale (px) from the caller may replace this frame's when within this share
 * of it; farther off, the frame's own is used (the person moved, or the view changed).
 */
export const SCALE_HINT_TOLERANCE = 0.25;

/**
 * `px` in torso lengths (the body scale); null when `unit` is not a usable scale (NaN). Module-level helpers
 * rather than closures inside computeMetrics: it runs every frame, and the analyser's runtime
 * (tsx) wraps every named closure to keep its name, which cost ≈ 10 % of the engine's time.
 */
const perUnit = (unit: number, px: number): number | null => finite(px / unit);

/** Tilt of the line r → l from horizontal, deg (+ when l is higher in the image). */
const dropDeg = (l: Point, r: Point): number =>
	Math.atan2(l.y - r.y, Math.max(Math.abs(l.x - r.x), 1e-6)) * RAD_TO_DEG;

/** Elevation of the line a → b above the image horizontal, deg (+ when b is higher). */
const riseDeg = (a: Point, b: Point): number =>
	Math.atan2(a.y - b.y, Math.max(Math.abs(b.x - a.x), 1e-6)) * RAD_TO_DEG;

/**
 * Signed angle of the neck (shoulder → ear) from the trunk line (hip → shoulder) carried on,
 * deg: + when the neck turns toward the image top (see headLift). Image y grows down, so a
 * clockwise turn on screen has a positive cross product; toward the top is clockwise when the
 * trunk points image left and counter-clockwise when it points image right.
 */
function headLiftDeg(hip: Point, shoulder: Point, ear: Point): number | null {
	const ax = shoulder.x - hip.x;
	const ay = shoulder.y - hip.y;
	const bx = ear.x - shoulder.x;
	const by = ear.y - shoulder.y;
	if (Math.hypot(ax, ay) < 1 || Math.hypot(bx, by) < 1) return null;
	const turn = Math.atan2(ax * by - ay * bx, ax * bx + ay * by) * RAD_TO_DEG;
	return finite(ax >= 0 ? -turn : turn);
}

/**
 * Wrist carried across the body (front view; `mid` is the shoulder midpoint, null outside a
 * front view): its distance past the midline toward the other side, torso lengths. `dir`: the
 * person's-left direction along image x for the left wrist, its opposite for the right.
 */
const across = (w: Point | null, mid: Point | null, dir: number, unit: number): number | null =>
	w && mid ? perUnit(unit, (mid.x - w.x) * dir) : null;

/** One arm's metrics (see BASE_METRICS) and its seen points. */
function armMetrics(body: Body, side: Side, unit: number) {
	const sh = seen(body, kp(side, 'shoulder'));
	const el = seen(body, kp(side, 'elbow'));
	const wr = seen(body, kp(side, 'wrist'));
	const hip = seen(body, kp(side, 'hip'));
	let raise: number | null = null;
	if (sh && el) {
		// Trunk "down" direction: toward the hip when seen, else straight down the image.
		const down: Point = hip ? { x: hip.x - sh.x, y: hip.y - sh.y } : { x: 0, y: 1 };
		raise = finite(jointAngle({ x: sh.x + down.x, y: sh.y + down.y }, sh, el));
	}
	const elbowAngle = sh && el && wr ? finite(jointAngle(sh, el, wr)) : null;
	const elbowHeight = sh && el ? perUnit(unit, sh.y - el.y) : null;
	const armLen = sh && el && wr ? distance(sh, el) + distance(el, wr) : NaN;
	const wristLift = sh && wr && armLen > 1 ? finite((sh.y - wr.y) / armLen) : null;
	const wristHeight = sh && wr ? perUnit(unit, sh.y - wr.y) : null;
	const ear = seen(body, kp(side, 'ear'));
	const gap = sh && ear ? perUnit(unit, sh.y - ear.y) : null;
	return { raise, elbowAngle, elbowHeight, wristLift, wristHeight, gap, sh, el, wr };
}

/**
 * Computes every metric of one body; `view` may be given to avoid detecting it twice.
 * `scaleHint` (px): a body scale averaged over recent frames. Every distance is divided by the
 * scale, so its frame-to-frame noise (the shoulder width wanders ≈ 8 % under heavy keypoint
 * noise) multiplies every metric: ±0.025 on a 0.3 ear–shoulder gap, as much as half a shrug's
 * margin. `scalePx` stays this frame's own measurement.
 */
export function computeMetrics(
	body: Body,
	view: ViewReading = detectView(body),
	scaleHint: number | null = null
): Metrics {
	const { ls, rs, lh, rh, le, re, nose } = trunkPoints(body);

	const shoulderWidth = ls && rs ? distance(ls, rs) : NaN;
	const shoulderMid = midOrEither(ls, rs);
	const hipMid = midOrEither(lh, rh);
	const torso = shoulderMid && hipMid ? distance(shoulderMid, hipMid) : NaN;
	const frontScale = shoulderWidth * TORSO_PER_SHOULDER_WIDTH;
	const scale =
		view.view === 'side'
			? Number.isFinite(torso)
				? torso
				: sideScaleWithoutHips(body)
			: view.view === 'front'
				? frontScale
				: Number.isFinite(torso)
					? torso
					: frontScale;
	const scaleOk = Number.isFinite(scale) && scale > 1;
	// NaN without a usable scale: every distance metric is then null (see perUnit).
	const unit = !scaleOk
		? NaN
		: scaleHint !== null &&
			  Number.isFinite(scaleHint) &&
			  Math.abs(scaleHint - scale) <= SCALE_HINT_TOLERANCE * scale
			? scaleHint
			: scale;

	// Person's-left direction along image x: +1 when their left shoulder is on the image right.
	const leftDir =
		ls && rs ? Math.sign(ls.x - rs.x) || 1 : le && re ? Math.sign(le.x - re.x) || 1 : 1;
	// Facing direction along image x in a side view (+1 when the nose points to image right):
	// the view reading's, which the engine keeps steady over time (see FacingTracker).
	const earNear = view.nearSide ? seen(body, kp(view.nearSide, 'ear')) : null;
	const earMid = midOrEither(le, re);
	const facing = view.facing;

	const L = armMetrics(body, 'left', unit);
	const R = armMetrics(body, 'right', unit);

	// Head side tilt, relative to the shoulder line, from ears (eyes as a fallback).
	const lEye = seen(body, 'left_eye');
	const rEye = seen(body, 'right_eye');
	const headL = le && re ? le : lEye && rEye ? lEye : null;
	const headR = le && re ? re : lEye && rEye ? rEye : null;
	const shoulderDrop = ls && rs ? dropDeg(ls, rs) : NaN;
	const headTilt = view.view !== 'side' && headL && headR ? finite(dropDeg(headL, headR)) : null;
	const neckTilt =
		headTilt !== null && Number.isFinite(shoulderDrop) ? finite(headTilt - shoulderDrop) : null;

	const earWidth = le && re ? Math.abs(le.x - re.x) : NaN;
	const earWidthOk = Number.isFinite(earWidth) && earWidth > 1;
	const headTurn =
		view.view !== 'side' && nose && earMid && earWidthOk
			? finite(((nose.x - earMid.x) * leftDir) / earWidth)
			: null;
	const noseDrop =
		view.view !== 'side' && nose && earMid && earWidthOk
			? finite((nose.y - earMid.y) / earWidth)
			: null;
	const shoulderSpan =
		view.view === 'front' && earWidthOk && Number.isFinite(shoulderWidth)
			? finite(shoulderWidth / earWidth)
			: null;

	const trunkTilt = shoulderMid && hipMid ? tiltFromVertical(hipMid, shoulderMid) : NaN;
	const trunkLeanSide = view.view === 'front' ? finite(trunkTilt * leftDir) : null;
	const trunkLeanForward = view.view === 'side' ? finite(trunkTilt * facing) : null;

	// Side-view points: the near side (seen with more confidence), else the midpoints.
	const near = view.nearSide;
	const sShoulder = near ? (seen(body, kp(near, 'shoulder')) ?? shoulderMid) : shoulderMid;
	const sHip = near ? (seen(body, kp(near, 'hip')) ?? hipMid) : hipMid;
	const sEar = earNear ?? earMid;
	const isSide = view.view === 'side';
	const neckForward =
		isSide && sShoulder && sEar ? finite(tiltFromVertical(sShoulder, sEar) * facing) : null;
	const headForward =
		isSide && sShoulder && sEar ? perUnit(unit, (sEar.x - sShoulder.x) * facing) : null;
	const shoulderForward =
		isSide && sShoulder && sHip ? perUnit(unit, (sShoulder.x - sHip.x) * facing) : null;
	// Only with both a shoulder and a hip seen: the centres must hold the torso, not an arm alone.
	const girdle =
		(ls || rs) && (isSide || view.view === 'front') ? weightedCentre(body, GIRDLE) : null;
	const hipCentre = isSide && (lh || rh) ? weightedCentre(body, HIPS) : null;
	const girdleForward =
		isSide && girdle && hipCentre ? perUnit(unit, (girdle.x - hipCentre.x) * facing) : null;
	const headCentre = view.view !== 'side' && (le || re) ? weightedCentre(body, HEAD) : null;
	const headGirdleGap =
		view.view !== 'side' && girdle && headCentre ? perUnit(unit, girdle.y - headCentre.y) : null;
	const lookUp =
		isSide && sEar && nose
			? finite(Math.atan2(sEar.y - nose.y, Math.max(Math.abs(nose.x - sEar.x), 1e-6)) * RAD_TO_DEG)
			: null;

	const head = earMid ?? nose;
	const wristToHead = head
		? max2(
				L.wr ? perUnit(unit, distance(L.wr, head)) : null,
				R.wr ? perUnit(unit, distance(R.wr, head)) : null
			)
		: null;
	const elbowForward =
		isSide && sEar
			? max2(
					L.el ? perUnit(unit, (L.el.x - sEar.x) * facing) : null,
					R.el ? perUnit(unit, (R.el.x - sEar.x) * facing) : null
				)
			: null;

	// Across the body, front view: the person's-left direction tells which way is "across".
	const frontMid = view.view === 'front' ? shoulderMid : null;
	// Only while this very frame reads as a front view: the view tracker keeps "front" for a
	// moment after a person turns side-on, and a side-on body must not pass for a deep turn.
	const frontNow = (view.widthRatio ?? 0) >= FRONT_MIN_RATIO;
	const shoulderWidthRatio =
		view.view === 'front' &&
		frontNow &&
		Number.isFinite(torso) &&
		torso > 1 &&
		Number.isFinite(shoulderWidth)
			? finite(shoulderWidth / torso)
			: null;
	const upperArms = mean2(
		L.sh && L.el ? distance(L.sh, L.el) : null,
		R.sh && R.el ? distance(R.sh, R.el) : null
	);
	const shoulderWidthToArm =
		view.view === 'front' && upperArms !== null && upperArms > 1 && Number.isFinite(shoulderWidth)
			? finite(shoulderWidth / upperArms)
			: null;
	const shoulderWidthLog =
		view.view === 'front' && shoulderWidth > 1 ? finite(Math.log(shoulderWidth)) : null;
	const la = seen(body, 'left_ankle');
	const ra = seen(body, 'right_ankle');
	const sAnkle = (near ? seen(body, kp(near, 'ankle')) : null) ?? midOrEither(la, ra);
	const hipForward = isSide && sHip && sAnkle ? perUnit(unit, (sHip.x - sAnkle.x) * facing) : null;
	const lk = seen(body, 'left_knee');
	const rk = seen(body, 'right_knee');
	// Unit vector along the trunk line, hip → shoulder (side view).
	const trunkLen = isSide && sShoulder && sHip ? distance(sHip, sShoulder) : NaN;
	const along = (w: Point | null, sh: Point | null): number | null =>
		w && sh && sShoulder && sHip && trunkLen > 1
			? perUnit(
					unit,
					((w.x - sh.x) * (sShoulder.x - sHip.x) + (w.y - sh.y) * (sShoulder.y - sHip.y)) / trunkLen
				)
			: null;

	return {
		armRaiseLeft: L.raise,
		armRaiseRight: R.raise,
		armRaise: mean2(L.raise, R.raise),
		armRaiseMin: min2(L.raise, R.raise),
		armAsymmetry: L.raise !== null && R.raise !== null ? Math.abs(L.raise - R.raise) : null,
		elbowAngleLeft: L.elbowAngle,
		elbowAngleRight: R.elbowAngle,
		elbowAngleMin: min2(L.elbowAngle, R.elbowAngle),
		elbowHeightLeft: L.elbowHeight,
		elbowHeightRight: R.elbowHeight,
		elbowHeightMin: min2(L.elbowHeight, R.elbowHeight),
		wristLiftLeft: L.wristLift,
		wristLiftRight: R.wristLift,
		wristLiftMin: min2(L.wristLift, R.wristLift),
		wristHeightLeft: L.wristHeight,
		wristHeightRight: R.wristHeight,
		wristHeightMin: min2(L.wristHeight, R.wristHeight),
		earShoulderGapLeft: L.gap,
		earShoulderGapRight: R.gap,
		earShoulderGap: mean2(L.gap, R.gap),
		shoulderTilt: view.view !== 'side' && Number.isFinite(shoulderDrop) ? -shoulderDrop : null,
		neckTilt,
		headTilt,
		headTurn,
		noseDrop,
		shoulderSpan,
		trunkLeanSide,
		trunkLeanForward,
		neckForward,
		headForward,
		shoulderForward,
		girdleForward,
		headGirdleGap,
		lookUp,
		wristToHead,
		elbowForward,
		wristAcrossLeft: across(L.wr, frontMid, leftDir, unit),
		wristAcrossRight: across(R.wr, frontMid, -leftDir, unit),
		shoulderWidthRatio,
		shoulderWidthToArm,
		shoulderWidthLog,
		hipForward,
		trunkRise: isSide && sShoulder && sHip ? finite(riseDeg(sHip, sShoulder)) : null,
		headLift: isSide && sShoulder && sHip && sEar ? headLiftDeg(sHip, sShoulder, sEar) : null,
		hipToHeel: isSide && sHip && sAnkle ? perUnit(unit, distance(sHip, sAnkle)) : null,
		kneeHeightLeft: isSide && lh && lk ? perUnit(unit, lh.y - lk.y) : null,
		kneeHeightRight: isSide && rh && rk ? perUnit(unit, rh.y - rk.y) : null,
		wristAlongTrunk: max2(along(L.wr, L.sh), along(R.wr, R.sh)),
		hipAngleLeft: isSide && L.sh && lh && lk ? finite(jointAngle(L.sh, lh, lk)) : null,
		hipAngleRight: isSide && R.sh && rh && rk ? finite(jointAngle(R.sh, rh, rk)) : null,
		shoulderStack: isSide && ls && rs ? perUnit(unit, rs.y - ls.y) : null,
		scalePx: scaleOk ? scale : null
	};
}
