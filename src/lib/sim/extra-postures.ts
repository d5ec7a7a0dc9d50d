/**
 * Postures for the catalog moves that `postures.ts` does not cover, good and faulty, used by the
 * exercise tests. Same conventions as postures.ts (degrees; + left / forward / flexion); every
 * export is a complete {@link Posture}. Only moves the stick figure can express honestly are here:
 * it has no whole-body pitch or roll, so lying moves are absent, and it has no closed chains
 * (hands planted on the floor), so hands-and-knees moves are absent too.
 */
import {
	armCurlRound,
	crossbodyStretchLeft,
	handsBehindHead,
	handsOnLowerBack,
	neckFlexed,
	seatedRowEnd,
	sideStretchLeanLeft,
	sittingArmsDown,
	standingNeutral,
	wallAngelLow
} from './postures';
import { mirrorPosture, posture, type Posture } from './skeleton';

// --- Floor thoracic extension (2) ---------------------------------------------------------------

/** Sitting on the floor, legs straight out in front, trunk upright, arms relaxed. */
export const floorSitting: Posture = posture({
	hipFlexion: 90,
	kneeFlexion: 0,
	armRaise: 20,
	armPlane: 60,
	elbowFlex: 30
});

/** On the floor, hands laced behind the head (the seated arms of postures.ts), elbows wide, trunk still upright. */
export const floorHandsBehindHead: Posture = posture(handsBehindHead, floorSitting);

/** Floor extension: leaning back a little and arching the upper back ~18°, looking a bit up. */
export const thoracicExtensionFloor: Posture = posture(
	{ trunkFlexion: -8, thoracicFlexion: -18, neckFlexion: -12 },
	floorHandsBehindHead
);

/** Fault: the floor extension with the elbows folded forward around the face. */
export const thoracicExtensionFloorElbowsIn: Posture = posture(
	{ armPlane: 75 },
	thoracicExtensionFloor
);

// --- Standing upper-back extension (3) ----------------------------------------------------------

/**
 * Fault: the arch taken in the lower back with the hips pushed forward of the feet (legs slanting
 * back 12° from the hips, trunk leaning back 15° at the hips): the "hip sway" a side camera sees.
 */
export const lowerBackArchHipsForward: Posture = posture(
	{ hipFlexion: -12, trunkFlexion: -15, neckFlexion: -10 },
	handsOnLowerBack
);

// --- Doorway stretch (8) ------------------------------------------------------------------------

/** Goal-post arms on the door frame, body still upright in the doorway (not yet leaning in). */
export const doorwayStart: Posture = posture({ armPlane: -5 }, wallAngelLow);

/** Fault: the doorway stretch with the elbows sagging well below shoulder height. */
export const doorwayElbowsLow: Posture = posture(
	{ armRaise: 55, elbowFlex: 120, armRotation: 100 },
	posture({ armPlane: -25, trunkFlexion: 8 }, wallAngelLow)
);

/** Fault: the doorway stretch with the chin poking forward. */
export const doorwayHeadForward: Posture = posture(
	{ headForward: 0.6, neckFlexion: -10 },
	posture({ armPlane: -25, trunkFlexion: 8 }, wallAngelLow)
);

// --- Shoulder rolls (10) ------------------------------------------------------------------------

/** Top of a shoulder circle: shoulders lifted toward the ears (a smaller lift than a shrug). */
export const shoulderRollUp: Posture = posture({ shoulderElevation: 0.35 }, standingNeutral);
/** Back of the circle: shoulders drawn back, still a little lifted. */
export const shoulderRollBack: Posture = posture(
	{ shoulderElevation: 0.12, shoulderRetraction: 0.1 },
	standingNeutral
);
/** Front of the circle: shoulders rounded forward, a little lifted. */
export const shoulderRollForward: Posture = posture(
	{ shoulderElevation: 0.12, shoulderRetraction: -0.08 },
	standingNeutral
);
/** Fault: the top of a circle with the head dropping forward instead of the shoulders lifting. */
export const shoulderRollHeadDrop: Posture = posture(
	{ shoulderElevation: 0.35, neckFlexion: 40 },
	standingNeutral
);

// --- Neck rotation and nod (13, 14) -------------------------------------------------------------

/** Fault: "looking over the shoulder" by turning the chest 35° as well as the head 35°. */
export const neckTurnWithShoulders: Posture = posture(
	{ trunkRotation: 35, neckRotation: 35 },
	standingNeutral
);

/** Fault: chin to chest with the head tipped 20° to one side. */
export const neckFlexedTilted: Posture = posture({ neckSideTilt: 20 }, neckFlexed);

/** Fault: nodding down by bending the whole trunk 20° forward as well. */
export const neckFlexedTrunkBent: Posture = posture(
	{ trunkFlexion: 20, neckFlexion: 30 },
	standingNeutral
);

// --- Arm press and curl (15) --------------------------------------------------------------------

/** Fault: the curl with the arms dropped to the belly instead of held up in front. */
export const armCurlArmsDropped: Posture = posture({ armRaise: 15, elbowFlex: 120 }, armCurlRound);

// --- Lat side stretch, cross-body stretch (16, 17) ----------------------------------------------

/** Fault: the lean to the left with the overhead (right) arm bent, elbow pointing up. */
export const sideStretchBentArm: Posture = posture(
	{ elbowFlex: { right: 80 }, armRaise: { right: 150 } },
	sideStretchLeanLeft
);

/** Fault: the left arm across the chest with the left shoulder hiked toward the ear. */
export const crossbodyShrugLeft: Posture = posture(
	{ shoulderElevation: { left: 0.45 } },
	crossbodyStretchLeft
);

// --- Seated row (21) ----------------------------------------------------------------------------

/** Fault: finishing the row by leaning the trunk 20° back instead of squeezing the blades. */
export const seatedRowLeanBack: Posture = posture({ trunkFlexion: -20 }, seatedRowEnd);

/** Fault: finishing the row with the shoulders shrugged up. */
export const seatedRowShrug: Posture = posture({ shoulderElevation: 0.4 }, seatedRowEnd);

// --- Trunk rotation (25) ------------------------------------------------------------------------

/** Seated, chest turned 45° to the left ("about halfway"), arms hanging beside the chair. */
export const trunkTurnSeatedLeft: Posture = posture({ trunkRotation: 45 }, sittingArmsDown);
/** Seated, chest turned 45° to the right. */
export const trunkTurnSeatedRight: Posture = mirrorPosture(trunkTurnSeatedLeft);

/** Fault: turning left while leaning 15° to the side. */
export const trunkRotationLeaning: Posture = posture({ trunkSideBend: 15 }, trunkTurnSeatedLeft);

// --- Wall stretch (28) --------------------------------------------------------------------------

/** Standing at arm's length from a wall, hands on it at shoulder height, trunk upright. */
export const wallStretchStart: Posture = posture({
	armRaise: 90,
	armPlane: 90,
	elbowFlex: 5
});

/**
 * Wall stretch: hinged ~75° forward at the hips, back flat, arms straight overhead in line with
 * the trunk (170° from hanging), head between the arms.
 */
export const wallStretch: Posture = posture({
	trunkFlexion: 75,
	armRaise: 170,
	armPlane: 90,
	elbowFlex: 5
});

/** Fault: the hinge with the elbows bent ~70° (the chest no longer sinks toward the floor). */
export const wallStretchBentArms: Posture = posture({ elbowFlex: 70, armRaise: 150 }, wallStretch);

/** Every extra preset by name (table-driven tests). */
export const EXTRA_POSTURES = {
	floorSitting,
	floorHandsBehindHead,
	thoracicExtensionFloor,
	thoracicExtensionFloorElbowsIn,
	lowerBackArchHipsForward,
	doorwayStart,
	doorwayElbowsLow,
	doorwayHeadForward,
	shoulderRollUp,
	shoulderRollBack,
	shoulderRollForward,
	shoulderRollHeadDrop,
	neckTurnWithShoulders,
	neckFlexedTilted,
	neckFlexedTrunkBent,
	armCurlArmsDropped,
	sideStretchBentArm,
	crossbodyShrugLeft,
	seatedRowLeanBack,
	seatedRowShrug,
	trunkTurnSeatedLeft,
	trunkTurnSeatedRight,
	trunkRotationLeaning,
	wallStretchStart,
	wallStretch,
	wallStretchBentArms
} as const satisfies Record<string, Posture>;
