/**
 * Floor postures (issue 17): lying face down, on hands and knees, folded in child's pose. The
 * stick figure has no whole-body pitch, but its pelvis frame never tilts and the trunk and the
 * thighs turn at the hips on their own, so a horizontal body is the trunk flexed 90° forward
 * with the thighs behind (prone) or hanging (hands and knees). Hands are not planted on the
 * floor (no closed chains): the arms point where a planted arm would, which is all a 2D camera
 * sees. Same conventions as postures.ts; every export is a complete {@link Posture}.
 */
import { posture, type Posture } from './skeleton';

const both = (v: number) => ({ left: v, right: v });

// --- Prone back extension -----------------------------------------------------------------------

/** Lying face down, arms along the sides, forehead toward the floor. */
export const proneLying: Posture = posture({
	trunkFlexion: 90,
	hipFlexion: both(-90),
	armRaise: both(10),
	armPlane: both(90),
	neckFlexion: 10
});

/** The lift: head, chest and shoulders a few centimetres up (trunk line 10° off the floor, ≈ 8 cm at the shoulders). */
export const proneLift: Posture = posture({ trunkFlexion: 80, neckFlexion: 0 }, proneLying);

/** A lift led by the neck: the chest barely up, the head cranked back to look ahead. */
export const proneLiftNeckCranked: Posture = posture(
	{ trunkFlexion: 80, neckFlexion: -75 },
	proneLying
);

// --- Hands and knees: cat-cow ------------------------------------------------------------------

/** On hands and knees: thighs upright under the hips, shins on the floor, arms under the shoulders. */
export const allFours: Posture = posture({
	trunkFlexion: 90,
	hipFlexion: both(0),
	kneeFlexion: both(90),
	armRaise: both(90),
	armPlane: both(90),
	neckFlexion: 0
});

/** Cow: the upper back arched, chest and gaze lifted. */
export const cow: Posture = posture({ thoracicFlexion: -15, neckFlexion: -45 }, allFours);

/**
 * Cat: the back rounded up, the head hanging. Planted hands keep the shoulders up as the upper
 * back rounds; without closed chains the figure tips its trunk 10° up at the hips instead.
 */
export const cat: Posture = posture(
	{ trunkFlexion: 80, thoracicFlexion: 25, neckFlexion: 60 },
	allFours
);

/** A "cat" done by sitting back toward the heels: the hips drop back, the trunk tips down. */
export const catSittingBack: Posture = posture(
	{ trunkFlexion: 120, hipFlexion: both(60), kneeFlexion: both(150), neckFlexion: 60 },
	allFours
);

// --- Child's pose ------------------------------------------------------------------------------

/**
 * Child's pose: hips back on the heels (knees folded, shins on the floor), the trunk folded
 * forward past level, arms long on the floor beyond the head, head down.
 */
export const childsPose: Posture = posture({
	trunkFlexion: 120,
	hipFlexion: both(70),
	kneeFlexion: both(160),
	armRaise: both(165),
	armPlane: both(90),
	neckFlexion: 20
});

/** Child's pose with the head held up, looking forward instead of resting down. */
export const childsPoseHeadUp: Posture = posture({ neckFlexion: -55 }, childsPose);
