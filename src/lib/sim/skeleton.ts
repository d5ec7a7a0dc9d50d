/**
 * A kinematic stick figure: body proportions and joint angles in, the 17 COCO keypoints in 3D
 * out. It drives tests, the accuracy benchmark and the UI demonstration, so every angle and
 * length names its unit.
 *
 * Body frame (metres): x = the person's LEFT, y = UP, z = FORWARD (the way the person faces at
 * `bodyYaw` 0). It is right-handed (x × y = z). The floor is y = 0; the figure is placed so its
 * lowest ankle rests on the floor. World coordinates are the body frame of the person's starting
 * stance: `bodyYaw` turns the figure and `root` moves it, in world coordinates.
 *
 * Joint chain: pelvis → legs; pelvis → lower trunk (trunk angles at the hips) → thoracic pivot
 * (thoracic angle) → upper trunk → shoulders (elevation, retraction) → arms; upper trunk → neck →
 * head (nose, eyes, ears). Arms and head move with the upper trunk, as joint angles do.
 */
import type { KeypointName } from '../pose/keypoints';
import {
	add,
	apply,
	DEG,
	mirrorX,
	mul,
	rotAxis,
	rotX,
	rotY,
	rotZ,
	scale,
	v3,
	type Mat3,
	type Vec3
} from './vec3';

// ---------------------------------------------------------------------------------------------
// Proportions
// ---------------------------------------------------------------------------------------------

/** Segment lengths of one person, in metres. Build with {@link makeProportions}. */
export interface Proportions {
	/** Standing height, floor to vertex. */
	height: number;
	/** Between the two shoulder (glenohumeral) keypoints. */
	shoulderWidth: number;
	/** Between the two hip keypoints. */
	hipWidth: number;
	/** Shoulder to elbow. */
	upperArm: number;
	/** Elbow to wrist. */
	forearm: number;
	/** Hip-keypoint level to shoulder level along the trunk. */
	torso: number;
	/** Shoulder level to ear level (the head pivot) along the neck. */
	neck: number;
	/** Head height, chin to vertex; the face keypoints scale with it. */
	headSize: number;
	/** Hip to knee. */
	thigh: number;
	/** Knee to ankle. */
	shin: number;
	/** Ankle keypoint above the floor. */
	ankleHeight: number;
}

export type BodyRatios = Omit<Proportions, 'height'>;

/**
 * Typical adult segment lengths as fractions of standing height H, after Drillis & Contini
 * (1966) as tabulated in Winter, "Biomechanics and Motor Control of Human Movement" (fig. 4.1):
 * shoulder height 0.818 H, hip (trochanter) 0.530 H, knee 0.285 H, ankle 0.039 H, upper arm
 * 0.186 H, forearm 0.146 H, head 0.130 H, biacromial breadth 0.259 H.
 *
 * Where a pose model's keypoint differs from the anatomical landmark we follow the keypoint:
 * shoulder keypoints sit on the joints, inside the acromion edges (0.23 H rather than 0.259 H);
 * COCO hip keypoints are annotated wider than the hip joint centres (~0.10 H) and narrower than
 * the trochanters (0.191 H), so 0.13 H.
 */
export const DEFAULT_RATIOS: Readonly<BodyRatios> = Object.freeze({
	shoulderWidth: 0.23,
	hipWidth: 0.13,
	upperArm: 0.186,
	forearm: 0.146,
	/** 0.818 H (shoulder) − 0.530 H (hip). */
	torso: 0.288,
	/** Ear level ≈ 0.92 H − shoulder 0.818 H. */
	neck: 0.1,
	headSize: 0.13,
	/** 0.530 H − 0.285 H. */
	thigh: 0.245,
	/** 0.285 H − 0.039 H. */
	shin: 0.246,
	ankleHeight: 0.039
});

/** Default adult standing height in metres. */
export const DEFAULT_HEIGHT_M = 1.75;

/**
 * Proportions of a person `heightM` metres tall; `ratios` override {@link DEFAULT_RATIOS}
 * (fractions of height), e.g. `{ shoulderWidth: 0.25 }` for broad shoulders.
 */
export function makeProportions(
	heightM: number = DEFAULT_HEIGHT_M,
	ratios: Partial<BodyRatios> = {}
): Proportions {
	if (!(heightM > 0) || !Number.isFinite(heightM)) {
		throw new Error(`makeProportions: height must be a positive number of metres, got ${heightM}`);
	}
	const r = { ...DEFAULT_RATIOS, ...ratios };
	const out = { height: heightM } as Proportions;
	for (const key of Object.keys(DEFAULT_RATIOS) as (keyof BodyRatios)[]) {
		const v = r[key];
		if (!(v >= 0) || !Number.isFinite(v)) {
			throw new Error(`makeProportions: ratio ${key} must be a finite number ≥ 0, got ${v}`);
		}
		out[key] = v * heightM;
	}
	return out;
}

export const DEFAULT_PROPORTIONS: Readonly<Proportions> = Object.freeze(makeProportions());

// ---------------------------------------------------------------------------------------------
// Posture
// ---------------------------------------------------------------------------------------------

/** A value per side of the body (the person's left and right). */
export interface Sided {
	left: number;
	right: number;
}

/**
 * Joint angles of the whole figure. Angles in degrees, lengths as stated. Every field is a
 * number so postures interpolate linearly. Zero everywhere is standing upright, facing +z,
 * arms hanging straight, looking ahead ({@link NEUTRAL_POSTURE}).
 */
export interface Posture {
	/** Whole-body translation on the floor, metres, world x (start-left) and z (start-forward). */
	root: { x: number; z: number };
	/** Whole-body turn about the vertical, degrees; + turns toward the person's left. */
	bodyYaw: number;

	/** Thigh raised forward from hanging, degrees (90 = seated, thigh horizontal; − = behind). */
	hipFlexion: Sided;
	/** Knee bend, degrees (0 straight, 90 = seated with the shin vertical). */
	kneeFlexion: Sided;
	/** Leg out to the side, degrees (+ away from the midline). */
	hipAbduction: Sided;

	/** Trunk leaning forward from the hips, degrees (+ forward, − arching back). */
	trunkFlexion: number;
	/** Trunk bending sideways, degrees (+ toward the person's left). */
	trunkSideBend: number;
	/** Trunk twist about its long axis, degrees (+ chest turns toward the person's left). */
	trunkRotation: number;
	/**
	 * Upper-back rounding at a mid-thoracic pivot, degrees: + rounds (shoulders and head move
	 * forward and down relative to a straight trunk), − extends (arches the upper back).
	 */
	thoracicFlexion: number;

	/** Shrug: shoulder raised toward the ear, as a fraction of neck length (0 neutral, ~0.4 max). */
	shoulderElevation: Sided;
	/**
	 * Shoulder-blade squeeze as a fraction of shoulder width (0 neutral, ~0.15 max; − = protraction,
	 * shoulders rounded forward). The shoulder moves back by `r × shoulderWidth` and toward the
	 * midline by `0.3 r × shoulderWidth`.
	 */
	shoulderRetraction: Sided;

	/**
	 * Upper-arm elevation from hanging, degrees: 0 hanging, 90 horizontal, 180 straight overhead,
	 * in the plane given by `armPlane`. Negative values swing the arm the other way in that plane
	 * (with armPlane 90: extension, arm behind the body).
	 */
	armRaise: Sided;
	/**
	 * Plane of elevation, degrees: 0 = frontal plane (abduction, out to the side: wall angels,
	 * lateral raises), 90 = sagittal plane (forward flexion), > 90 across the body, < 0 behind
	 * the frontal plane (horizontal abduction, as in a doorway stretch).
	 */
	armPlane: Sided;
	/**
	 * Rotation of the upper arm about its own axis, degrees, + external. It sets where a bent
	 * forearm points: 0 = the forearm bends forward (anatomical elbow flexion), +90 = with the arm
	 * out to the side the forearm points up (the wall-angel "goal post"); with the arm hanging it
	 * swings out to the side. −90 = internal: forearm down / across the belly.
	 */
	armRotation: Sided;
	/** Elbow bend, degrees (0 straight, 90 right angle, ~145 fully bent). */
	elbowFlex: Sided;

	/** Head nod, degrees (+ chin toward the chest, − looking up). Half at the neck base, half at the skull. */
	neckFlexion: number;
	/** Head tilt, degrees (+ left ear toward the left shoulder). */
	neckSideTilt: number;
	/** Head turn, degrees (+ looking toward the person's left). */
	neckRotation: number;
	/** Forward head posture: the head translated forward by this fraction of neck length. */
	headForward: number;
}

/** Keys of {@link Posture} holding a {@link Sided} value. */
export const SIDED_KEYS = [
	'hipFlexion',
	'kneeFlexion',
	'hipAbduction',
	'shoulderElevation',
	'shoulderRetraction',
	'armRaise',
	'armPlane',
	'armRotation',
	'elbowFlex'
] as const satisfies readonly (keyof Posture)[];

/** Keys of {@link Posture} holding a plain number. */
export const SCALAR_KEYS = [
	'bodyYaw',
	'trunkFlexion',
	'trunkSideBend',
	'trunkRotation',
	'thoracicFlexion',
	'neckFlexion',
	'neckSideTilt',
	'neckRotation',
	'headForward'
] as const satisfies readonly (keyof Posture)[];

export type SidedKey = (typeof SIDED_KEYS)[number];
export type ScalarKey = (typeof SCALAR_KEYS)[number];

/**
 * A partial posture: any field may be left out; a sided field may be one number (both sides)
 * or `{ left }` / `{ right }` alone.
 */
export type PosturePatch = {
	[K in SidedKey]?: number | Partial<Sided>;
} & {
	[K in ScalarKey]?: number;
} & {
	root?: Partial<Posture['root']>;
};

const both = (v: number): Sided => ({ left: v, right: v });

/** Everything zero: upright, arms hanging straight, facing +z. */
export const NEUTRAL_POSTURE: Readonly<Posture> = Object.freeze({
	root: { x: 0, z: 0 },
	bodyYaw: 0,
	hipFlexion: both(0),
	kneeFlexion: both(0),
	hipAbduction: both(0),
	trunkFlexion: 0,
	trunkSideBend: 0,
	trunkRotation: 0,
	thoracicFlexion: 0,
	shoulderElevation: both(0),
	shoulderRetraction: both(0),
	armRaise: both(0),
	armPlane: both(0),
	armRotation: both(0),
	elbowFlex: both(0),
	neckFlexion: 0,
	neckSideTilt: 0,
	neckRotation: 0,
	headForward: 0
});

function checkFinite(v: number, what: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) {
		throw new Error(`posture: ${what} must be a finite number, got ${String(v)}`);
	}
	return v;
}

/** A complete posture: `patch` over `base` (default {@link NEUTRAL_POSTURE}). Throws on NaN. */
export function posture(
	patch: PosturePatch | Posture = {},
	base: Readonly<Posture> = NEUTRAL_POSTURE
): Posture {
	const p = patch as PosturePatch;
	const out: Posture = {
		...base,
		root: {
			x: checkFinite(p.root?.x ?? base.root.x, 'root.x'),
			z: checkFinite(p.root?.z ?? base.root.z, 'root.z')
		}
	};
	for (const k of SCALAR_KEYS) out[k] = checkFinite(p[k] ?? base[k], k);
	for (const k of SIDED_KEYS) {
		const v = p[k];
		const b = base[k];
		out[k] =
			typeof v === 'number'
				? { left: checkFinite(v, `${k}`), right: v }
				: {
						left: checkFinite(v?.left ?? b.left, `${k}.left`),
						right: checkFinite(v?.right ?? b.right, `${k}.right`)
					};
	}
	return out;
}

/** Linear blend of two complete postures: `s` = 0 gives `a`, 1 gives `b` (s is not clamped). */
export function lerpPosture(a: Readonly<Posture>, b: Readonly<Posture>, s: number): Posture {
	const l = (x: number, y: number): number => x + (y - x) * s;
	const out: Posture = {
		...a,
		root: { x: l(a.root.x, b.root.x), z: l(a.root.z, b.root.z) }
	};
	for (const k of SCALAR_KEYS) out[k] = l(a[k], b[k]);
	for (const k of SIDED_KEYS)
		out[k] = { left: l(a[k].left, b[k].left), right: l(a[k].right, b[k].right) };
	return out;
}

/** `base` plus the deltas in `delta` (fields left out add nothing). Used for sway and breathing. */
export function offsetPosture(base: Readonly<Posture>, delta: PosturePatch): Posture {
	const out = posture({}, base);
	out.root = { x: base.root.x + (delta.root?.x ?? 0), z: base.root.z + (delta.root?.z ?? 0) };
	for (const k of SCALAR_KEYS) out[k] = base[k] + (delta[k] ?? 0);
	for (const k of SIDED_KEYS) {
		const d = delta[k];
		const dl = typeof d === 'number' ? d : (d?.left ?? 0);
		const dr = typeof d === 'number' ? d : (d?.right ?? 0);
		out[k] = { left: base[k].left + dl, right: base[k].right + dr };
	}
	return out;
}

/** The posture mirrored left ↔ right (sided values swap; lateral angles change sign). */
export function mirrorPosture(p: Readonly<Posture>): Posture {
	const out = posture({}, p);
	for (const k of SIDED_KEYS) out[k] = { left: p[k].right, right: p[k].left };
	out.root = { x: -p.root.x, z: p.root.z };
	out.bodyYaw = -p.bodyYaw;
	out.trunkSideBend = -p.trunkSideBend;
	out.trunkRotation = -p.trunkRotation;
	out.neckSideTilt = -p.neckSideTilt;
	out.neckRotation = -p.neckRotation;
	return out;
}

// ---------------------------------------------------------------------------------------------
// Forward kinematics
// ---------------------------------------------------------------------------------------------

/**
 * The thoracic pivot sits this far up the torso (hip level 0, shoulder level 1): roughly the
 * thoracolumbar region, so upper-back rounding moves the shoulders and head but not the hips.
 */
const THORACIC_PIVOT_FRACTION = 0.45;
/** A retracted shoulder moves toward the midline by this share of its backward travel (the
 * scapula glides around the rib cage: mostly back, a little inward). */
const RETRACTION_MEDIAL_RATIO = 0.3;
/** Half the chest depth (front to back), as a fraction of height: used for occlusion. */
export const CHEST_HALF_DEPTH_RATIO = 0.065;
/** Knee keypoint radius above the floor when kneeling, fraction of height. */
const KNEE_RADIUS_RATIO = 0.03;

/**
 * Face keypoints relative to the head pivot (midpoint between the ears), in head frame
 * (x left, y up, z toward the face), as fractions of `headSize`. From typical adult head
 * dimensions: interpupillary distance ≈ 63 mm, ears ≈ 14 cm apart, nose tip ≈ 11 cm in front of
 * the ear canal and ≈ 3 cm below it, eyes ≈ 1.5 cm above it; head height ≈ 23 cm.
 */
const FACE = {
	nose: v3(0, -0.12, 0.48),
	left_eye: v3(0.14, 0.07, 0.38),
	right_eye: v3(-0.14, 0.07, 0.38),
	left_ear: v3(0.31, 0, 0),
	right_ear: v3(-0.31, 0, 0),
	/** Centre of the skull, for occlusion. */
	centre: v3(0, 0.15, 0.05)
} as const;
/** Radius of the head as an occluding sphere, fraction of `headSize`. */
export const HEAD_RADIUS_RATIO = 0.38;

/** The 3D figure: keypoints plus the extra points the camera needs to judge occlusion. */
export interface Skeleton3D {
	/** The 17 COCO keypoints, world metres. */
	joints: Record<KeypointName, Vec3>;
	/** Midpoint of the two hip keypoints. */
	midHip: Vec3;
	/** Midpoint of the shoulder line before shrug/retraction: the base of the neck. */
	neckBase: Vec3;
	/** Centre of the skull, and its radius (metres), for occlusion. */
	headCentre: Vec3;
	headRadius: number;
	/** Upper-trunk orientation, world; columns are its left, up and forward axes. */
	upperTrunk: Mat3;
	proportions: Proportions;
}

/**
 * Directions of the upper arm and forearm of a LEFT arm in the upper-trunk frame (unit
 * vectors). The right arm is the mirror image. See {@link Posture.armRaise} for the angles.
 */
export function armDirections(
	raiseDeg: number,
	planeDeg: number,
	rotationDeg: number,
	elbowDeg: number
): { upper: Vec3; fore: Vec3 } {
	const down = v3(0, -1, 0);
	// Horizontal direction the arm swings toward: out to the side at plane 0, forward at 90.
	const toward = v3(Math.cos(planeDeg * DEG), 0, Math.sin(planeDeg * DEG));
	// Axis that turns "down" toward "toward": (−y) × toward. Unit since both are unit and ⟂.
	const axis = v3(-toward.z, 0, toward.x);
	const elevate = rotAxis(axis, raiseDeg);
	const upper = apply(elevate, down);
	// The forearm's bending direction at rotation 0 is the anatomical forward (+z), carried by
	// the elevation; external rotation turns it about the arm, toward "up" for an abducted arm.
	const bend = apply(rotAxis(upper, -rotationDeg), apply(elevate, v3(0, 0, 1)));
	const c = Math.cos(elbowDeg * DEG);
	const s = Math.sin(elbowDeg * DEG);
	const fore = v3(c * upper.x + s * bend.x, c * upper.y + s * bend.y, c * upper.z + s * bend.z);
	return { upper, fore };
}

/** Column `i` of a matrix (the image of a basis vector). */
const column = (m: Mat3, i: number): Vec3 => v3(m[i]!, m[3 + i]!, m[6 + i]!);

/** Forward kinematics: the 17 keypoints (and occlusion helpers) of `p` for body `prop`. */
export function computeSkeleton(
	p: Readonly<Posture>,
	prop: Readonly<Proportions> = DEFAULT_PROPORTIONS
): Skeleton3D {
	const pelvis = v3(0, 0, 0);
	const j = {} as Record<KeypointName, Vec3>;

	// Legs, in the pelvis frame (which never tilts: the trunk angles act at the hips).
	for (const side of ['left', 'right'] as const) {
		const sign = side === 'left' ? 1 : -1;
		const hip = v3((sign * prop.hipWidth) / 2, 0, 0);
		const abduct = rotZ(sign * p.hipAbduction[side]);
		const thighDir = apply(mul(rotX(-p.hipFlexion[side]), abduct), v3(0, -1, 0));
		const shinDir = apply(
			mul(rotX(-(p.hipFlexion[side] - p.kneeFlexion[side])), abduct),
			v3(0, -1, 0)
		);
		const knee = add(hip, scale(thighDir, prop.thigh));
		j[`${side}_hip`] = hip;
		j[`${side}_knee`] = knee;
		j[`${side}_ankle`] = add(knee, scale(shinDir, prop.shin));
	}

	// Trunk: flex at the hips, then side-bend, then twist about its own axis (intrinsic order).
	const lower = mul(mul(rotX(p.trunkFlexion), rotZ(-p.trunkSideBend)), rotY(p.trunkRotation));
	const pivot = add(pelvis, apply(lower, v3(0, prop.torso * THORACIC_PIVOT_FRACTION, 0)));
	const upper = mul(lower, rotX(p.thoracicFlexion));
	const neckBase = add(pivot, apply(upper, v3(0, prop.torso * (1 - THORACIC_PIVOT_FRACTION), 0)));

	// Shoulders and arms, in the upper-trunk frame.
	for (const side of ['left', 'right'] as const) {
		const sign = side === 'left' ? 1 : -1;
		const back = p.shoulderRetraction[side] * prop.shoulderWidth;
		const local = v3(
			sign * (prop.shoulderWidth / 2 - back * RETRACTION_MEDIAL_RATIO),
			p.shoulderElevation[side] * prop.neck,
			-back
		);
		const shoulder = add(neckBase, apply(upper, local));
		const dirs = armDirections(
			p.armRaise[side],
			p.armPlane[side],
			p.armRotation[side],
			p.elbowFlex[side]
		);
		const u = apply(upper, side === 'left' ? dirs.upper : mirrorX(dirs.upper));
		const f = apply(upper, side === 'left' ? dirs.fore : mirrorX(dirs.fore));
		const elbow = add(shoulder, scale(u, prop.upperArm));
		j[`${side}_shoulder`] = shoulder;
		j[`${side}_elbow`] = elbow;
		j[`${side}_wrist`] = add(elbow, scale(f, prop.forearm));
	}

	// Neck and head: half the nod/tilt/turn at the neck base, the rest at the skull.
	const half = mul(
		upper,
		mul(mul(rotX(p.neckFlexion / 2), rotZ(-p.neckSideTilt / 2)), rotY(p.neckRotation / 2))
	);
	const head = mul(
		upper,
		mul(mul(rotX(p.neckFlexion), rotZ(-p.neckSideTilt)), rotY(p.neckRotation))
	);
	const headPivot = add(
		add(neckBase, apply(upper, v3(0, 0, p.headForward * prop.neck))),
		apply(half, v3(0, prop.neck, 0))
	);
	const facePoint = (local: Vec3): Vec3 => add(headPivot, apply(head, scale(local, prop.headSize)));
	j.nose = facePoint(FACE.nose);
	j.left_eye = facePoint(FACE.left_eye);
	j.right_eye = facePoint(FACE.right_eye);
	j.left_ear = facePoint(FACE.left_ear);
	j.right_ear = facePoint(FACE.right_ear);
	let headCentre = facePoint(FACE.centre);

	// Place on the floor: the lowest ankle at ankle height (or a kneeling knee on the floor).
	let lift = Infinity;
	for (const side of ['left', 'right'] as const) {
		lift = Math.min(
			lift,
			j[`${side}_ankle`].y - prop.ankleHeight,
			j[`${side}_knee`].y - KNEE_RADIUS_RATIO * prop.height
		);
	}
	// Then turn about the vertical through the pelvis and move by `root`.
	const yaw = rotY(p.bodyYaw);
	const place = (q: Vec3): Vec3 =>
		add(apply(yaw, v3(q.x, q.y - lift, q.z)), v3(p.root.x, 0, p.root.z));
	for (const k of Object.keys(j) as KeypointName[]) j[k] = place(j[k]);
	headCentre = place(headCentre);
	const midHip = place(pelvis);

	return {
		joints: j,
		midHip,
		neckBase: place(neckBase),
		headCentre,
		headRadius: HEAD_RADIUS_RATIO * prop.headSize,
		upperTrunk: mul(yaw, upper),
		proportions: { ...prop }
	};
}

/** The left, up and forward axes of the upper trunk in world coordinates. */
export function trunkAxes(s: Skeleton3D): { left: Vec3; up: Vec3; forward: Vec3 } {
	return {
		left: column(s.upperTrunk, 0),
		up: column(s.upperTrunk, 1),
		forward: column(s.upperTrunk, 2)
	};
}
