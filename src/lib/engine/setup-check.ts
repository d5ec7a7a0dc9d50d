/**
 * Setup guidance: is the person placed so the exercise can be judged? Checks, in order: a person,
 * confidence, the keypoints the exercise needs, distance, and the camera view.
 */
import { midOrEither } from '../geometry/vec';
import { meanScore, seen, trunkPoints, type Body } from '../pose/keypoints';
import type { DetectedView } from '../metrics/view';
import { HIPS_UP_TRUNK_LENGTHS, stanceOf } from './stance';
import type { ExerciseDefinition, SetupIssue, Side } from './types';

/** Mean score of the needed keypoints below this: the model is guessing (dark room, blur). */
export const LOW_CONFIDENCE = 0.25;
/** A needed keypoint this close to the frame edge (fraction of the frame) may be cut off. */
const EDGE_MARGIN = 0.01;
/** Body scale above this fraction of the frame height: too close to judge the whole move. */
const TOO_CLOSE_SCALE = 0.6;
/** Body scale below this fraction of the frame height: keypoints too small to be reliable. */
const TOO_FAR_SCALE = 0.08;

const viewWord = (v: 'front' | 'side') => (v === 'front' ? 'face the camera' : 'turn sideways');

/**
 * How far the nose sits off the shoulder midpoint, as a fraction of the shoulder width, before
 * we read it as the person already turning one way. Facing the camera squarely it sits within a
 * few percent of the middle (keypoint noise); a 20–30° turn moves it by about 15 %.
 */
const TURN_OFFSET_MIN = 0.08;

/**
 * A standing body (for a floor move): the trunk within this many degrees of vertical, with the
 * hips up on the legs (stance.ts). Every floor move keeps the trunk far from vertical (lying, on
 * hands and knees, folded, on a ball).
 */
const STANDING_TRUNK_DEG = 30;

/**
 * True when the body stands upright: a person who has not got down on the floor yet (setting up
 * the laptop, walking to the mat). Unknown (false) without hips, shoulders and ankles in view.
 */
export function isStanding(body: Body): boolean {
	const pts = trunkPoints(body);
	const hip = midOrEither(pts.lh, pts.rh);
	const shoulder = midOrEither(pts.ls, pts.rs);
	const stance = hip && shoulder ? stanceOf(body, hip, shoulder) : null;
	return (
		stance !== null &&
		stance.riseDeg > 90 - STANDING_TRUNK_DEG &&
		stance.hipHeight >= HIPS_UP_TRUNK_LENGTHS
	);
}

export interface SetupOptions {
	/**
	 * For a per-side move judged side-on: the side being worked, which should face the camera.
	 * Without it the prompt names the side the person is already turning toward (left if unclear).
	 */
	side?: Side;
}

/**
 * The shoulder that ends up toward the camera if the person keeps turning the way they already
 * are, read from where the nose sits between the shoulders; null when they face it squarely.
 * Image coordinates are unmirrored (the model's), so facing the camera the person's left shoulder
 * is on the image right; `across` keeps that right when they have their back to it.
 */
export function turningSide(body: Body): Side | null {
	const ls = seen(body, 'left_shoulder');
	const rs = seen(body, 'right_shoulder');
	const nose = seen(body, 'nose');
	if (!ls || !rs || !nose) return null;
	const across = ls.x - rs.x; // + when the person's left shoulder is on the image right
	if (Math.abs(across) < 1) return null;
	const offset = (nose.x - (ls.x + rs.x) / 2) / across; // + when the nose is toward their left
	if (!Number.isFinite(offset) || Math.abs(offset) < TURN_OFFSET_MIN) return null;
	// Turning toward their left brings the right shoulder round to the camera, and vice versa.
	return offset > 0 ? 'right' : 'left';
}

/**
 * True when the person has their back to the camera. The pose models name left and right by
 * what they see: a person facing the camera has the shoulder they call left on the image right
 * (image coordinates are unmirrored; a mirrored picture of someone facing the camera still looks
 * like someone facing it). On the real clips all three models read it so in every frame facing
 * the camera; filmed from behind, MoveNet read the left shoulder on the image left in every
 * frame and BlazePose in 87–100 %. Only asked in a front view, where the shoulders are far enough
 * apart for their order to mean something.
 */
export function backToCamera(body: Body): boolean {
	const ls = seen(body, 'left_shoulder');
	const rs = seen(body, 'right_shoulder');
	return ls !== null && rs !== null && ls.x < rs.x;
}

/** "Turn sideways, left shoulder to the camera, …": the wrong-view prompt of a side-on move. */
export function sideViewMessage(side: Side): string {
	return `Turn sideways, ${side} shoulder to the camera, so I can see your back from the side.`;
}

export function checkSetup(
	def: ExerciseDefinition,
	body: Body | null,
	view: DetectedView,
	scalePx: number | null,
	options: SetupOptions = {}
): SetupIssue | null {
	if (!body) {
		return {
			id: 'no-person',
			message: 'No one in view. Step into the frame so your upper body is visible.',
			blocking: true
		};
	}
	if (meanScore(body, def.requires) < LOW_CONFIDENCE) {
		return {
			id: 'low-confidence',
			message:
				'I can barely make you out. Add light in front of you, avoid a bright window behind you, and wear clothes that contrast with the background.',
			blocking: true
		};
	}
	if (def.horizontal && isStanding(body)) {
		// Judging a standing person as a floor move would learn a standing rest position, and no
		// lift on the floor would count after it.
		return {
			id: 'not-on-floor',
			message:
				'This move is done on the floor. Get down into its start position, with your whole body in view.',
			blocking: true
		};
	}
	const w = body.width;
	const h = body.height;
	const missing = def.requires.filter((n) => {
		const k = seen(body, n);
		if (!k) return true;
		return (
			k.x < w * EDGE_MARGIN ||
			k.x > w * (1 - EDGE_MARGIN) ||
			k.y < h * EDGE_MARGIN ||
			k.y > h * (1 - EDGE_MARGIN)
		);
	});
	if (missing.length > 0) {
		const parts = [...new Set(missing.map((n) => n.replace(/^(left|right)_/, '')))].join(', ');
		const wrist = missing.some((n) => n.includes('wrist') || n.includes('elbow'));
		return {
			id: 'not-fully-visible',
			message: `I can't see your ${parts}. ${wrist ? 'Step back until your hands stay in the frame when you raise them.' : 'Move so your whole upper body is in the frame.'}`,
			blocking: true
		};
	}
	// A lying or kneeling body runs across the frame: measure it against the longer side.
	const frame = def.horizontal ? Math.max(w, h) : h;
	if (scalePx !== null && frame > 0) {
		// Too close matters only for moves whose hands travel (they would leave the frame at the
		// top of the rep): head, neck and shoulder moves are judged in a head-and-shoulders
		// close-up, the way a laptop camera sees a person at a desk.
		const handsTravel = def.requires.some((n) => n.endsWith('_wrist'));
		if (handsTravel && scalePx > TOO_CLOSE_SCALE * frame) {
			return { id: 'too-close', message: 'You are too close. Step back a little.', blocking: true };
		}
		if (scalePx < TOO_FAR_SCALE * frame) {
			return {
				id: 'too-far',
				message: 'You are too far away. Come a step closer.',
				blocking: true
			};
		}
	}
	if (def.view !== 'either' && view !== def.view) {
		const message =
			def.view === 'side'
				? sideViewMessage(options.side ?? turningSide(body) ?? 'left')
				: `Please ${viewWord('front')}, shoulders square to the screen.`;
		return { id: 'wrong-view', message, blocking: true };
	}
	if (def.facesCamera && view === 'front' && backToCamera(body)) {
		return {
			id: 'wrong-view',
			message: 'Turn round to face the camera: from behind I cannot tell this move from others.',
			blocking: true
		};
	}
	return null;
}
