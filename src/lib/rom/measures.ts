/**
 * Range-of-motion measures: the angles a physiotherapist writes down, in degrees, read from the
 * body metrics of one frame (metrics/body-metrics.ts). Pure: no DOM, no Svelte.
 *
 * Every measure says what the camera can see and what it cannot, because a 2D webcam sees a
 * projection: an angle in the image plane is measured directly; a movement toward or away from
 * the camera is either inferred from a length change (and said so) or not measured at all.
 */
import type { BaseMetricName, Metrics } from '../metrics/body-metrics';
import { TORSO_PER_SHOULDER_WIDTH } from '../metrics/body-metrics';
import type { Side } from '../engine/types';
import { angleBetween, midOrEither, RAD_TO_DEG } from '../geometry/vec';
import { seen, trunkPoints, type Body } from '../pose/keypoints';

export const MEASURE_IDS = [
	'shoulder-elevation',
	'elbow-angle',
	'shoulder-girdle-elevation',
	'trunk-extension',
	'neck-lateral-flexion',
	'neck-rotation',
	'neck-extension',
	'scapular-retraction',
	'side-bend'
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * A measure as an exercise definition names it. `target` is the definition's own threshold
 * turned into degrees (each definition file says how): "at-least" for a range to reach,
 * "at-most" for a limit to stay under. No target where the definition has no number for it.
 */
export interface MeasureSpec {
	id: MeasureId;
	target?: { degrees: number; kind: 'at-least' | 'at-most' };
}

/**
 * How a measure is split by side. 'limb': one reading per arm. 'sign': one reading whose sign
 * says the side (a head tilt to the left is the left side). 'none': one reading, no side.
 */
export type MeasureSides = 'limb' | 'sign' | 'none';

/** One frame's reading of a measure; degrees ≥ 0 (the side carries the direction). */
export interface MeasureReading {
	side: Side | null;
	degrees: number;
}

export interface MeasureInfo {
	id: MeasureId;
	/** Anatomical name, as a physiotherapist writes it. */
	label: string;
	/** The body part named in "left arm 162°". */
	part: string;
	sides: MeasureSides;
	/**
	 * For a change from rest: the metrics whose rest value it needs, and which end of their range
	 * is rest ('high': the rest value is the larger, as the ear–shoulder gap before a shrug).
	 */
	rest: ReadonlyArray<{ metric: BaseMetricName; restIs: 'high' | 'low' }>;
	/** What the camera sees and what it cannot, in one or two plain sentences. */
	seen: string;
	/**
	 * The reading of one frame; `rest` is the person's rest position just before the rep or hold
	 * (only for measures with `rest` metrics). Empty when the frame cannot support it.
	 */
	read(m: Metrics, rest: Metrics | null, body: Body | null): MeasureReading[];
}

/**
 * Clavicle length in torso lengths, front view: half the shoulder width, and the front-view scale is
 * 1.3 shoulder widths (body-metrics.ts), so 1 / 2.6 ≈ 0.385. The side view's scale is the torso,
 * which is the same length for a typical adult (that is how the 1.3 was chosen).
 */
export const CLAVICLE_SCALE = 1 / (2 * TORSO_PER_SHOULDER_WIDTH);

/**
 * Nose tip ahead of the ear axis, in ear-to-ear widths: ≈ 10 cm ahead of a ≈ 14–15 cm wide head
 * (adult anthropometry), so 0.7. A head turned by θ shows the nose `0.7 · tan θ` ear widths off
 * the ears' midpoint (the nose swings by sin θ, the ear width shrinks by cos θ).
 */
export const NOSE_AHEAD_EAR_WIDTHS = 0.7;

const ok = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/** asin of a ratio clamped to [0, 1], in degrees: a rise of `d` on a lever of length `len`. */
function leverAngle(d: number, len: number): number {
	return Math.asin(Math.min(1, Math.max(0, d / len))) * RAD_TO_DEG;
}

function limb(left: number | null, right: number | null): MeasureReading[] {
	const out: MeasureReading[] = [];
	if (ok(left)) out.push({ side: 'left', degrees: left });
	if (ok(right)) out.push({ side: 'right', degrees: right });
	return out;
}

/** + toward the person's left (the metrics' convention) → the side and the size. */
function bySign(v: number | null): MeasureReading[] {
	if (!ok(v)) return [];
	return [{ side: v >= 0 ? 'left' : 'right', degrees: Math.abs(v) }];
}

/**
 * Each upper arm's angle from the trunk's long axis (mid-hip → mid-shoulder, pointing down; the
 * image vertical when the hips are out of view), degrees. Not the `armRaise` metric: that one
 * measures from the line to the same side's hip, which slants in by ≈ 10° on an adult (hips
 * ≈ 0.13, shoulders ≈ 0.23 of the height apart, 0.29 of it between), so a 165° slide read 175°.
 * The thresholds tuned on `armRaise` keep it; a physiotherapist's goniometer lies along the trunk.
 */
function shoulderElevation(body: Body): MeasureReading[] {
	const { ls, rs, lh, rh } = trunkPoints(body);
	const sh = midOrEither(ls, rs);
	const hip = midOrEither(lh, rh);
	const down = sh && hip && ls && rs ? { x: hip.x - sh.x, y: hip.y - sh.y } : { x: 0, y: 1 };
	const arm = (s: typeof ls, e: typeof ls) =>
		s && e ? angleBetween(down, { x: e.x - s.x, y: e.y - s.y }) : null;
	return limb(arm(ls, seen(body, 'left_elbow')), arm(rs, seen(body, 'right_elbow')));
}

export const MEASURES: Readonly<Record<MeasureId, MeasureInfo>> = {
	'shoulder-elevation': {
		id: 'shoulder-elevation',
		label: 'Shoulder elevation',
		part: 'arm',
		sides: 'limb',
		rest: [],
		seen: 'The upper arm’s angle from the trunk’s long axis, 0° hanging to 180° straight overhead, each arm apart. Seen well from the front; an arm reaching toward the camera reads lower than it is.',
		read: (_m, _rest, body) => (body ? shoulderElevation(body) : [])
	},
	'elbow-angle': {
		id: 'elbow-angle',
		label: 'Elbow angle',
		part: 'elbow',
		sides: 'limb',
		rest: [],
		seen: 'The elbow’s inside angle, 180° straight. Seen in the image plane only: a forearm pointing at the camera reads straighter than it is.',
		read: (m) => limb(m.elbowAngleLeft, m.elbowAngleRight)
	},
	'shoulder-girdle-elevation': {
		id: 'shoulder-girdle-elevation',
		label: 'Shoulder girdle elevation',
		part: 'shoulder',
		sides: 'limb',
		rest: [
			{ metric: 'earShoulderGapLeft', restIs: 'high' },
			{ metric: 'earShoulderGapRight', restIs: 'high' }
		],
		seen: 'How far each shoulder rises toward its ear from rest, as the collarbone’s angle (the rise against a collarbone of half the shoulder width). The camera sees the rise; it cannot see the collarbone itself.',
		read: (m, rest) => {
			const side = (now: number | null, was: number | null | undefined) =>
				ok(now) && ok(was) ? leverAngle(was - now, CLAVICLE_SCALE) : null;
			return limb(
				side(m.earShoulderGapLeft, rest?.earShoulderGapLeft),
				side(m.earShoulderGapRight, rest?.earShoulderGapRight)
			);
		}
	},
	'trunk-extension': {
		id: 'trunk-extension',
		label: 'Trunk extension',
		part: 'trunk',
		sides: 'none',
		rest: [],
		seen: 'The hip-to-shoulder line’s backward lean from upright, seen side-on. It includes the lower back and hips; an upper-back arch about mid-back moves this line about half as far as the arch itself.',
		// Back is negative in trunkLeanForward; a forward lean is 0° of extension, not negative.
		read: (m) =>
			ok(m.trunkLeanForward) ? [{ side: null, degrees: Math.max(0, -m.trunkLeanForward) }] : []
	},
	'neck-lateral-flexion': {
		id: 'neck-lateral-flexion',
		label: 'Neck lateral flexion',
		part: 'neck',
		sides: 'sign',
		rest: [],
		seen: 'The head’s tilt against the shoulder line, from the front, toward the named side. Seen directly (it is in the image plane).',
		read: (m) => bySign(m.neckTilt)
	},
	'neck-rotation': {
		id: 'neck-rotation',
		label: 'Neck rotation',
		part: 'neck',
		sides: 'sign',
		rest: [],
		seen: 'The head’s turn toward the named side, from the front, inferred from how far the nose moves off the ears’ midpoint (a typical head’s shape). Past about 70° an ear hides and it is not measured.',
		read: (m) =>
			ok(m.headTurn) ? bySign(Math.atan(m.headTurn / NOSE_AHEAD_EAR_WIDTHS) * RAD_TO_DEG) : []
	},
	'neck-extension': {
		id: 'neck-extension',
		label: 'Neck extension',
		part: 'neck',
		sides: 'none',
		rest: [],
		seen: 'How far the face looks up above level, side-on (ear to nose). Seen directly; it includes the upper neck and the head’s nod.',
		read: (m) => (ok(m.lookUp) ? [{ side: null, degrees: Math.max(0, m.lookUp) }] : [])
	},
	'scapular-retraction': {
		id: 'scapular-retraction',
		label: 'Scapular retraction',
		part: 'shoulders',
		sides: 'none',
		rest: [{ metric: 'girdleForward', restIs: 'high' }],
		seen: 'Side-on only: how far the shoulders draw back from rest, as the collarbone’s turn about the breastbone. The camera cannot see the shoulder blades; from the front or behind the shoulders only narrow a little (the cosine of the turn), too little to give degrees, so no number is given there.',
		read: (m, rest) =>
			ok(m.girdleForward) && ok(rest?.girdleForward)
				? [
						{
							side: null,
							degrees: leverAngle(rest.girdleForward - m.girdleForward, CLAVICLE_SCALE)
						}
					]
				: []
	},
	'side-bend': {
		id: 'side-bend',
		label: 'Trunk side bend',
		part: 'trunk',
		sides: 'sign',
		rest: [],
		seen: 'The hip-to-shoulder line’s lean toward the named side, from the front. Seen directly; the hips must be in the picture.',
		read: (m) => bySign(m.trunkLeanSide)
	}
};

/** Rest-relative retraction and girdle elevation convert a torso-length threshold to degrees. */
export function thresholdDegrees(scaleUnits: number): number {
	return Math.round(leverAngle(Math.abs(scaleUnits), CLAVICLE_SCALE));
}

/** The rotation, in degrees, that shows as `earWidths` of nose offset (for targets). */
export function headTurnDegrees(earWidths: number): number {
	return Math.round(Math.atan(Math.abs(earWidths) / NOSE_AHEAD_EAR_WIDTHS) * RAD_TO_DEG);
}
