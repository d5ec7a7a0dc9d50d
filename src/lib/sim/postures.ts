/**
 * Named postures for the exercises of the catalog (src/lib/exercises), good and faulty. All are complete
 * {@link Posture}s; combine them with `posture(patch, base)` or blend with `lerpPosture`.
 * Angles follow the conventions of skeleton.ts (degrees; + left / forward / flexion).
 */
import { posture, mirrorPosture, type Posture } from './skeleton';

// --- Bases -----------------------------------------------------------------------------------

/** Standing tall, arms relaxed at the sides (slightly away from the thighs, elbows soft). */
export const standingNeutral: Posture = posture({ armRaise: 4, elbowFlex: 8 });

/** Seated upright on a chair (thighs horizontal, shins vertical), hands resting on the thighs. */
export const sittingNeutral: Posture = posture({
	hipFlexion: 90,
	kneeFlexion: 90,
	armRaise: 12,
	armPlane: 80,
	elbowFlex: 55
});

/** Seated upright with the arms hanging beside the chair (for seated squeezes and shrugs). */
export const sittingArmsDown: Posture = posture(
	{ armRaise: 4, armPlane: 0, elbowFlex: 8 },
	sittingNeutral
);

// --- Wall angels (31) -----------------------------------------------------------------------

/** Goal post: upper arms out to the side at shoulder height, elbows at 90°, forearms up. */
export const wallAngelLow: Posture = posture({
	armRaise: 90,
	armPlane: 0,
	armRotation: 90,
	elbowFlex: 90
});

/** Top of the wall angel: arms slid up to ~165°, elbows nearly straight. */
export const wallAngelHigh: Posture = posture({
	armRaise: 165,
	armPlane: 0,
	armRotation: 90,
	elbowFlex: 15
});

/** Fault: goal post with the elbows sagging well below shoulder height. */
export const wallAngelElbowsLow: Posture = posture({ armRaise: 65 }, wallAngelLow);

/** Fault: shoulders hiked toward the ears at the top of the slide. */
export const wallAngelShrug: Posture = posture({ shoulderElevation: 0.35 }, wallAngelHigh);

/** Fault: the right arm lags (reaches only ~135°): one side doing more than the other. */
export const wallAngelAsymmetric: Posture = posture(
	{ armRaise: { right: 135 }, elbowFlex: { right: 35 } },
	wallAngelHigh
);

// --- Overhead reach (26) ---------------------------------------------------------------------

/** Both arms straight overhead (a little forward of the frontal plane, as people reach). */
export const overheadReach: Posture = posture({
	armRaise: 180,
	armPlane: 15,
	armRotation: 90,
	elbowFlex: 0
});

// --- Shrugs, squeezes (4, 20, 23) ---------------------------------------------------------------

/** Shoulders raised toward the ears (≈ 0.4 neck length, about 7 cm for a 1.75 m adult). */
export const shrugUp: Posture = posture({ shoulderElevation: 0.4 }, standingNeutral);

/** Shoulder blades squeezed: shoulders back and in, palms turned forward, chest a little up. */
export const scapularSqueeze: Posture = posture(
	{ shoulderRetraction: 0.12, armRotation: 25, thoracicFlexion: -3 },
	standingNeutral
);

/** Seated squeeze (arms hanging beside the chair). */
export const scapularSqueezeSeated: Posture = posture(
	{ shoulderRetraction: 0.12, armRotation: 25, thoracicFlexion: -3 },
	sittingArmsDown
);

/** Fault: squeezing with the shoulders creeping up. */
export const shrugDuringSqueeze: Posture = posture({ shoulderElevation: 0.3 }, scapularSqueeze);

/** Shoulders rounded forward (protraction), the far end of a shoulder roll. */
export const shouldersRounded: Posture = posture({ shoulderRetraction: -0.1 }, standingNeutral);

// --- Neck (11, 13, 14) ----------------------------------------------------------------------------

/** Left ear toward the left shoulder. */
export const neckTiltLeft: Posture = posture({ neckSideTilt: 35 }, standingNeutral);
/** Right ear toward the right shoulder. */
export const neckTiltRight: Posture = mirrorPosture(neckTiltLeft);
/** Looking over the left shoulder. */
export const neckTurnLeft: Posture = posture({ neckRotation: 70 }, standingNeutral);
/** Looking over the right shoulder. */
export const neckTurnRight: Posture = mirrorPosture(neckTurnLeft);
/** Chin toward the chest. */
export const neckFlexed: Posture = posture({ neckFlexion: 45 }, standingNeutral);
/** Looking up toward the ceiling. */
export const neckExtended: Posture = posture({ neckFlexion: -40 }, standingNeutral);

// --- Thoracic extension (1, 3) ------------------------------------------------------------------

/**
 * Elbows wide and a little back, forearms turned back past the goal post (external rotation
 * 130°) and fully bent: the wrists end just behind and beside the ears, the hands (not modelled)
 * laced behind the head.
 */
export const handsBehindHead = {
	armRaise: 140,
	armPlane: -5,
	armRotation: 130,
	elbowFlex: 145
} as const;

/** Seated at the chair, hands laced behind the head, elbows wide; trunk still upright. */
export const handsBehindHeadSeated: Posture = posture(handsBehindHead, sittingNeutral);

/** Seated thoracic extension: hands behind the head, upper back arched ~18°, looking a bit up. */
export const thoracicExtensionSeated: Posture = posture(
	{ thoracicFlexion: -18, neckFlexion: -12 },
	handsBehindHeadSeated
);

/** Standing, hands on the lower back (elbows back, fingers down); trunk still upright. */
export const handsOnLowerBack: Posture = posture(
	{ armRaise: 40, armPlane: -65, armRotation: -80, elbowFlex: 85 },
	standingNeutral
);

/** Standing upper-back extension: upper back arched ~18°, looking slightly up. */
export const upperBackExtensionStanding: Posture = posture(
	{ thoracicFlexion: -18, neckFlexion: -10 },
	handsOnLowerBack
);

/** Fault: the arch comes from the lower back (leaning back at the hips), upper back straight. */
export const lowerBackArch: Posture = posture(
	{ trunkFlexion: -15, neckFlexion: -10 },
	handsOnLowerBack
);

// --- Sitting posture ----------------------------------------------------------------------------

/** Slouched at a desk: upper back rounded ~28°, shoulders forward, head forward and dropped. */
export const slouchedSitting: Posture = posture(
	{ thoracicFlexion: 28, shoulderRetraction: -0.08, headForward: 0.45, neckFlexion: 12 },
	sittingNeutral
);

/** Fault: forward head ("chin poke") while otherwise upright. */
export const forwardHead: Posture = posture({ headForward: 0.5, neckFlexion: -8 }, standingNeutral);

// --- Side stretch, rotation, cross-body (16, 25, 17) -------------------------------------------

/** Right arm overhead, trunk leaning to the left (stretches the right side). */
export const sideStretchLeanLeft: Posture = posture(
	{
		armRaise: { right: 165 },
		armRotation: { right: 90 },
		elbowFlex: { right: 15 },
		trunkSideBend: 20
	},
	standingNeutral
);
/** Left arm overhead, trunk leaning to the right. */
export const sideStretchLeanRight: Posture = mirrorPosture(sideStretchLeanLeft);

/** Upper body turned ~40° toward the left. */
export const trunkRotationLeft: Posture = posture({ trunkRotation: 40 }, standingNeutral);
export const trunkRotationRight: Posture = mirrorPosture(trunkRotationLeft);

/** Left arm straight across the chest, the right hand drawing it in. */
export const crossbodyStretchLeft: Posture = posture(
	{
		armRaise: { left: 90, right: 45 },
		armPlane: { left: 140, right: 120 },
		elbowFlex: { left: 5, right: 110 }
	},
	standingNeutral
);
export const crossbodyStretchRight: Posture = mirrorPosture(crossbodyStretchLeft);

// --- Doorway, arm press/curl, seated row (8, 15, 21) --------------------------------------------

/** Doorway stretch: goal-post arms drawn behind the body, leaning slightly forward. */
export const doorwayStretch: Posture = posture({ armPlane: -25, trunkFlexion: 8 }, wallAngelLow);

/** Arms pushed straight forward at shoulder height, shoulder blades spread. */
export const armPressForward: Posture = posture(
	{ armRaise: 90, armPlane: 90, elbowFlex: 0, shoulderRetraction: -0.1 },
	standingNeutral
);

/** Arms curled toward the chest, upper back rounded, chin down. */
export const armCurlRound: Posture = posture(
	{
		armRaise: 70,
		armPlane: 90,
		elbowFlex: 110,
		armRotation: -20,
		shoulderRetraction: -0.1,
		thoracicFlexion: 25,
		neckFlexion: 25
	},
	standingNeutral
);

/** Seated row, arms reaching forward to the handles. */
export const seatedRowStart: Posture = posture(
	{ armRaise: 80, armPlane: 90, elbowFlex: 0, shoulderRetraction: -0.05, trunkFlexion: 5 },
	sittingNeutral
);

/** Seated row, handles at the chest: elbows back, shoulder blades squeezed. */
export const seatedRowEnd: Posture = posture(
	{ armRaise: -40, armPlane: 90, elbowFlex: 130, shoulderRetraction: 0.12, trunkFlexion: 0 },
	sittingNeutral
);

/** Every preset by name (for the UI demo and table-driven tests). */
export const POSTURES = {
	standingNeutral,
	sittingNeutral,
	sittingArmsDown,
	wallAngelLow,
	wallAngelHigh,
	wallAngelElbowsLow,
	wallAngelShrug,
	wallAngelAsymmetric,
	overheadReach,
	shrugUp,
	scapularSqueeze,
	scapularSqueezeSeated,
	shrugDuringSqueeze,
	shouldersRounded,
	neckTiltLeft,
	neckTiltRight,
	neckTurnLeft,
	neckTurnRight,
	neckFlexed,
	neckExtended,
	handsBehindHeadSeated,
	thoracicExtensionSeated,
	handsOnLowerBack,
	upperBackExtensionStanding,
	lowerBackArch,
	slouchedSitting,
	forwardHead,
	sideStretchLeanLeft,
	sideStretchLeanRight,
	trunkRotationLeft,
	trunkRotationRight,
	crossbodyStretchLeft,
	crossbodyStretchRight,
	doorwayStretch,
	armPressForward,
	armCurlRound,
	seatedRowStart,
	seatedRowEnd
} as const satisfies Record<string, Posture>;

export type PostureName = keyof typeof POSTURES;
