/**
 * A camera for the stick figure: projects the 3D skeleton to image pixels and gives each
 * keypoint a score the way pose models do (high when seen, lower when hidden behind the body,
 * very low outside the frame).
 *
 * Projection is weak perspective by default (orthographic, then one scale: px per metre), which
 * is what a webcam two or more metres away looks like; `perspective: true` uses a pinhole.
 * Image coordinates: origin top-left, x right, y DOWN. Not mirrored, a person facing the camera
 * has their LEFT shoulder on the image RIGHT (as a photo of them would, and as MoveNet reports).
 */
import { COCO_KEYPOINTS, type Body, type Keypoint, type KeypointName } from '../pose/keypoints';
import {
	computeSkeleton,
	CHEST_HALF_DEPTH_RATIO,
	DEFAULT_HEIGHT_M,
	DEFAULT_PROPORTIONS,
	trunkAxes,
	type Posture,
	type Proportions,
	type Skeleton3D
} from './skeleton';
import { DEG, dot, lerp3, sub, v3, type Vec3 } from './vec3';

/**
 * Where the camera looks from, as the person's yaw relative to it, degrees: 0 = the person
 * faces the camera, 90 = their LEFT side toward the camera ('side'), −90 = their right side,
 * 180 = their back.
 */
export type ViewAngle = 'front' | 'side' | 'side-left' | 'side-right' | 'back' | number;

export interface Camera {
	/** Person's yaw relative to the camera, degrees (see {@link ViewAngle}). */
	yawDeg: number;
	/** Frame size in pixels. */
	width: number;
	height: number;
	/** Image scale at the target's depth, pixels per metre. */
	pxPerMetre: number;
	/** World point (metres) drawn at `centrePx`. */
	target: Vec3;
	/** Pixel position of `target`. */
	centrePx: { x: number; y: number };
	/** True for a selfie-style mirrored preview (the person's left shoulder on the image left). */
	mirrored: boolean;
	/** Pinhole distance from the camera to the target plane (metres); null: weak perspective. */
	perspectiveDistanceM: number | null;
}

export interface CameraOptions {
	view?: ViewAngle;
	/** Frame size, px (default 640 × 480, MoveNet's usual webcam input). */
	width?: number;
	height?: number;
	/**
	 * Scale, in order of precedence: `pxPerMetre`; else `bodyHeightPx` (the pixel height of a
	 * standing person `personHeightM` tall); else `focalPx / distanceM`.
	 */
	pxPerMetre?: number;
	bodyHeightPx?: number;
	/** Height of the person framed, metres (default 1.75): sets `bodyHeightPx` and the target. */
	personHeightM?: number;
	/** Camera to person, metres (default 3). */
	distanceM?: number;
	/** Focal length in px (default: a 60° horizontal field of view, typical of laptop webcams). */
	focalPx?: number;
	/** World point at `centrePx`, metres (default: above the person's feet at 0.6 of their height). */
	target?: Partial<Vec3>;
	centrePx?: Partial<{ x: number; y: number }>;
	mirrored?: boolean;
	/** Pinhole projection at `distanceM` instead of weak perspective (default false). */
	perspective?: boolean;
}

/** Laptop webcams have roughly a 60° horizontal field of view. */
const DEFAULT_HFOV_DEG = 60;
/**
 * At 3 m with that field of view a 480 px high frame spans 2.6 m: a standing adult fills two
 * thirds of it and still fits with both arms overhead (wall angels, overhead reach).
 */
const DEFAULT_DISTANCE_M = 3;
/** The frame centre is aimed at 0.6 of the person's height, leaving room above for raised arms. */
const DEFAULT_TARGET_HEIGHT_RATIO = 0.6;

export function viewToYaw(view: ViewAngle): number {
	switch (view) {
		case 'front':
			return 0;
		case 'side':
		case 'side-left':
			return 90;
		case 'side-right':
			return -90;
		case 'back':
			return 180;
		default:
			if (!Number.isFinite(view)) throw new Error(`camera: view must be finite, got ${view}`);
			return view;
	}
}

/** A camera from options; one place fills defaults and validates them. */
export function makeCamera(o: CameraOptions = {}): Camera {
	const width = o.width ?? 640;
	const height = o.height ?? 480;
	if (!(width > 0 && height > 0)) throw new Error(`camera: bad frame size ${width}×${height}`);
	const personHeightM = o.personHeightM ?? DEFAULT_HEIGHT_M;
	const distanceM = o.distanceM ?? DEFAULT_DISTANCE_M;
	const focalPx = o.focalPx ?? width / 2 / Math.tan((DEFAULT_HFOV_DEG / 2) * DEG);
	const pxPerMetre =
		o.pxPerMetre ??
		(o.bodyHeightPx !== undefined ? o.bodyHeightPx / personHeightM : focalPx / distanceM);
	if (!(pxPerMetre > 0) || !Number.isFinite(pxPerMetre)) {
		throw new Error(`camera: scale must be a positive number of px per metre, got ${pxPerMetre}`);
	}
	if (!(distanceM > 0)) throw new Error(`camera: distanceM must be > 0, got ${distanceM}`);
	return {
		yawDeg: viewToYaw(o.view ?? 'front'),
		width,
		height,
		pxPerMetre,
		target: v3(
			o.target?.x ?? 0,
			o.target?.y ?? DEFAULT_TARGET_HEIGHT_RATIO * personHeightM,
			o.target?.z ?? 0
		),
		centrePx: { x: o.centrePx?.x ?? width / 2, y: o.centrePx?.y ?? height / 2 },
		mirrored: o.mirrored ?? false,
		perspectiveDistanceM: o.perspective ? distanceM : null
	};
}

/** Image-right and toward-camera unit vectors in world coordinates. */
export function cameraAxes(cam: Camera): { right: Vec3; toward: Vec3 } {
	const c = Math.cos(cam.yawDeg * DEG);
	const s = Math.sin(cam.yawDeg * DEG);
	return { right: v3(c, 0, -s), toward: v3(s, 0, c) };
}

/** A world point in pixels, with its depth toward the camera (metres, + nearer). */
export function projectPoint(p: Vec3, cam: Camera): { x: number; y: number; depth: number } {
	const { right, toward } = cameraAxes(cam);
	const rel = sub(p, cam.target);
	const depth = dot(rel, toward);
	const d = cam.perspectiveDistanceM;
	const s = d === null ? cam.pxPerMetre : (cam.pxPerMetre * d) / Math.max(1e-3, d - depth);
	return {
		x: cam.centrePx.x + (cam.mirrored ? -1 : 1) * s * dot(rel, right),
		y: cam.centrePx.y - s * rel.y,
		depth
	};
}

/**
 * Scores a pose model gives a clearly visible keypoint: face and shoulders are found most
 * reliably, wrists and ankles least (MoveNet's typical confidences on clear webcam frames).
 */
export const VISIBLE_SCORE: Readonly<Record<KeypointName, number>> = Object.freeze({
	nose: 0.93,
	left_eye: 0.91,
	right_eye: 0.91,
	left_ear: 0.86,
	right_ear: 0.86,
	left_shoulder: 0.9,
	right_shoulder: 0.9,
	left_elbow: 0.86,
	right_elbow: 0.86,
	left_wrist: 0.82,
	right_wrist: 0.82,
	left_hip: 0.85,
	right_hip: 0.85,
	left_knee: 0.84,
	right_knee: 0.84,
	left_ankle: 0.8,
	right_ankle: 0.8
});
/** A fully hidden keypoint keeps this share of its score: models still guess it, ~0.35–0.5. */
export const OCCLUDED_SCORE_FACTOR = 0.48;
/** Score of a keypoint outside the frame (models extrapolate there with little confidence). */
export const OUT_OF_FRAME_SCORE = 0.08;
/** With fewer keypoints than this inside the frame a pose model reports no person. */
export const MIN_IN_FRAME_FOR_PERSON = 5;

/** Limb thickness (radius) as a fraction of height, for occlusion. */
const LIMB_RADIUS_RATIO = { upperArm: 0.025, forearm: 0.02, thigh: 0.035, shin: 0.025 } as const;

const smoothstep = (e0: number, e1: number, x: number): number => {
	const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
	return t * t * (3 - 2 * t);
};

interface Occluder {
	a: Vec3;
	b: Vec3;
	/** Half-width across the view (metres) and half-depth along it (metres). */
	halfWidth: number;
	halfDepth: number;
}

/**
 * How hidden each keypoint is, 0 (in plain view) to 1 (behind the body). A keypoint is hidden
 * when an occluder (head, torso, limb) covers it in the image and it lies deeper than most of
 * that occluder's thickness. A simple silhouette model, not a renderer.
 */
export function occlusion(skel: Skeleton3D, cam: Camera): Record<KeypointName, number> {
	const { right, toward } = cameraAxes(cam);
	const j = skel.joints;
	const h = skel.proportions.height;
	const axes = trunkAxes(skel);
	const sw = skel.proportions.shoulderWidth / 2;
	const chest = CHEST_HALF_DEPTH_RATIO * h;
	const occluders: Occluder[] = [
		{
			a: skel.midHip,
			b: skel.neckBase,
			halfWidth: Math.hypot(sw * dot(axes.left, right), chest * dot(axes.forward, right)),
			halfDepth: Math.hypot(sw * dot(axes.left, toward), chest * dot(axes.forward, toward))
		},
		{
			a: skel.headCentre,
			b: skel.headCentre,
			halfWidth: skel.headRadius,
			halfDepth: skel.headRadius
		}
	];
	for (const side of ['left', 'right'] as const) {
		const limb = (a: Vec3, b: Vec3, r: number): Occluder => ({
			a,
			b,
			halfWidth: r * h,
			halfDepth: r * h
		});
		occluders.push(
			limb(j[`${side}_shoulder`], j[`${side}_elbow`], LIMB_RADIUS_RATIO.upperArm),
			limb(j[`${side}_elbow`], j[`${side}_wrist`], LIMB_RADIUS_RATIO.forearm),
			limb(j[`${side}_hip`], j[`${side}_knee`], LIMB_RADIUS_RATIO.thigh),
			limb(j[`${side}_knee`], j[`${side}_ankle`], LIMB_RADIUS_RATIO.shin)
		);
	}
	const lateral = (p: Vec3) => ({ u: dot(p, right), v: p.y });
	const out = {} as Record<KeypointName, number>;
	for (const name of COCO_KEYPOINTS) {
		const p = j[name];
		const pp = lateral(p);
		let hidden = 0;
		for (const o of occluders) {
			const a = lateral(o.a);
			const b = lateral(o.b);
			const du = b.u - a.u;
			const dv = b.v - a.v;
			const len2 = du * du + dv * dv;
			const t =
				len2 > 0 ? Math.min(1, Math.max(0, ((pp.u - a.u) * du + (pp.v - a.v) * dv) / len2)) : 0;
			const dist = Math.hypot(pp.u - (a.u + t * du), pp.v - (a.v + t * dv));
			const cover = 1 - smoothstep(0.8 * o.halfWidth, 1.2 * o.halfWidth, dist);
			if (cover <= 0 || o.halfDepth <= 0) continue;
			const deeper = -dot(sub(p, lerp3(o.a, o.b, t)), toward);
			const behind = smoothstep(0.25 * o.halfDepth, 0.75 * o.halfDepth, deeper);
			hidden = Math.max(hidden, cover * behind);
		}
		out[name] = hidden;
	}
	return out;
}

/**
 * The keypoints a pose model would report for this skeleton: pixels and scores, no noise.
 * Null when too few keypoints are inside the frame for a model to find a person.
 */
export function projectSkeleton(skel: Skeleton3D, cam: Camera): Body | null {
	const hidden = occlusion(skel, cam);
	let inFrame = 0;
	const keypoints: Keypoint[] = COCO_KEYPOINTS.map((name) => {
		const { x, y } = projectPoint(skel.joints[name], cam);
		const inside = x >= 0 && x <= cam.width && y >= 0 && y <= cam.height;
		if (inside) inFrame++;
		const score = inside
			? VISIBLE_SCORE[name] * (1 - (1 - OCCLUDED_SCORE_FACTOR) * hidden[name])
			: OUT_OF_FRAME_SCORE;
		return { x, y, score };
	});
	if (inFrame < MIN_IN_FRAME_FOR_PERSON) return null;
	return { keypoints, width: cam.width, height: cam.height };
}

/** Shorthand: the noise-free keypoints of a posture seen by a camera. */
export function renderPosture(
	p: Readonly<Posture>,
	cam: Camera = makeCamera(),
	prop: Readonly<Proportions> = DEFAULT_PROPORTIONS
): Body | null {
	return projectSkeleton(computeSkeleton(p, prop), cam);
}
