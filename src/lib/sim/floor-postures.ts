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

// --- Prone arm raise -----------------------------------------------------------------------------

/**
 * Lying face down, arms out to the sides (a T), hands resting on the floor: the arm is level
 * with the shoulder and swung 10° toward the floor (the chest side), so the wrist rests
 * ≈ 10 cm below the shoulder joint, as the chest's depth puts it.
 */
export const proneArmsOut: Posture = posture(
	{ armRaise: both(90), armPlane: both(10), armRotation: both(90) },
	proneLying
);

/** Both arms lifted a few centimetres off the floor (the wrists ≈ 12 cm up). */
export const proneArmsLifted: Posture = posture({ armPlane: both(-2) }, proneArmsOut);

/** The arms lifted by heaving the chest up (the trunk line 15° off the floor). */
export const proneArmsLiftedChestUp: Posture = posture(
	{ trunkFlexion: 75, neckFlexion: -10 },
	proneArmsLifted
);

// --- Thread the needle ---------------------------------------------------------------------------

/**
 * Thread the needle, the LEFT arm threaded under the body toward the right: the left shoulder and
 * the side of the head down, the upper back turned 45° (the chest toward the person's right),
 * the right arm still planted, the hips over the knees.
 */
export const threadLeft: Posture = posture(
	{
		trunkFlexion: 105,
		trunkRotation: -45,
		armRaise: { left: 95, right: 90 },
		armPlane: { left: 150, right: 90 },
		neckFlexion: 20
	},
	allFours
);

/** The same with the RIGHT arm threaded. */
export const threadRight: Posture = posture(
	{
		trunkFlexion: 105,
		trunkRotation: 45,
		armRaise: { left: 90, right: 95 },
		armPlane: { left: 90, right: 150 },
		neckFlexion: 20
	},
	allFours
);

/** Threading the left arm with the hips sunk back toward the heels. */
export const threadLeftSittingBack: Posture = posture(
	{ trunkFlexion: 125, hipFlexion: both(60), kneeFlexion: both(150) },
	threadLeft
);

// --- Lying on the back: knee to chest, chest fly -------------------------------------------------

/** Lying on the back, knees bent and feet flat, arms by the sides, head resting. */
export const supineKneesBent: Posture = posture({
	trunkFlexion: -90,
	hipFlexion: both(135),
	kneeFlexion: both(125),
	armRaise: both(10),
	armPlane: both(90),
	neckFlexion: 0
});

/** The LEFT knee hugged to the chest with both hands, the right foot on the floor. */
export const kneeToChestLeft: Posture = posture(
	{
		hipFlexion: { left: 215 },
		kneeFlexion: { left: 120 },
		armRaise: both(60),
		elbowFlex: both(90)
	},
	supineKneesBent
);

/** The RIGHT knee hugged, the left foot on the floor. */
export const kneeToChestRight: Posture = posture(
	{
		hipFlexion: { right: 215 },
		kneeFlexion: { right: 120 },
		armRaise: both(60),
		elbowFlex: both(90)
	},
	supineKneesBent
);

/** Both knees hugged. */
export const kneesToChest: Posture = posture(
	{ hipFlexion: both(215), kneeFlexion: both(120), armRaise: both(60), elbowFlex: both(90) },
	supineKneesBent
);

/** The left knee hugged with the head and shoulders curled up off the floor. */
export const kneeToChestLeftHeadUp: Posture = posture({ neckFlexion: 50 }, kneeToChestLeft);

/**
 * Chest fly on a ball, arms open: the upper back on the ball, hips lifted level with the knees
 * (thighs and trunk near level), arms wide with a soft bend, the hands a little below the
 * shoulders.
 */
export const ballFlyOpen: Posture = posture({
	trunkFlexion: -85,
	hipFlexion: both(90),
	kneeFlexion: both(90),
	armRaise: both(90),
	armPlane: both(-10),
	armRotation: both(90),
	elbowFlex: both(15),
	neckFlexion: 20
});

/** The weights together over the chest. */
export const ballFlyClosed: Posture = posture({ armPlane: both(85) }, ballFlyOpen);

/** Arms open with the hips sagging toward the floor (trunk line ≈ 35° up to the shoulders). */
export const ballFlyOpenHipsLow: Posture = posture(
	{ trunkFlexion: -55, hipFlexion: both(55), kneeFlexion: both(55) },
	ballFlyOpen
);
export const ballFlyClosedHipsLow: Posture = posture({ armPlane: both(85) }, ballFlyOpenHipsLow);

// --- Child's pose side stretch (front view) -----------------------------------------------------

/** Child's pose with both hands walked over to the person's LEFT (the right flank opens). */
export const childsPoseReachLeft: Posture = posture(
	{ trunkSideBend: 25, armPlane: both(45), neckSideTilt: 10 },
	childsPose
);

/** Both hands walked over to the person's RIGHT. */
export const childsPoseReachRight: Posture = posture(
	{ trunkSideBend: -25, armPlane: both(135), neckSideTilt: -10 },
	childsPose
);
