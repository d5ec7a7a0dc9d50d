/** The exercise catalog: one declarative definition per move, looked up by id. */
import type { ExerciseDefinition } from '../engine/types';
import { armPressCurl } from './arm-press-curl';
import { backExtensionProne } from './back-extension-prone';
import { catCow } from './cat-cow';
import { chestFly } from './chest-fly';
import { childsPose } from './childs-pose';
import { childsPoseSideStretch } from './childs-pose-side-stretch';
import { crossbodyShoulderStretch } from './crossbody-shoulder-stretch';
import { doorwayStretch } from './doorway-stretch';
import { ironCross } from './iron-cross';
import { kneeToChest } from './knee-to-chest';
import { latSideStretch } from './lat-side-stretch';
import { neckFlexionExtension } from './neck-flexion-extension';
import { neckRoll } from './neck-roll';
import { neckRotation } from './neck-rotation';
import { neckSideTilt } from './neck-side-tilt';
import { overheadArmReach } from './overhead-arm-reach';
import { peanutSegmentalFlexion } from './peanut-segmental-flexion';
import { proneArmRaise } from './prone-arm-raise';
import { scapularSqueeze } from './scapular-squeeze';
import { seatedRow } from './seated-row';
import { shoulderRolls } from './shoulder-rolls';
import { shoulderShrug } from './shoulder-shrug';
import { shoulderSqueezeHold } from './shoulder-squeeze-hold';
import { thoracicExtensionFloor } from './thoracic-extension-floor';
import { thoracicExtensionSeated } from './thoracic-extension-seated';
import { threadTheNeedle } from './thread-the-needle';
import { trunkRotation } from './trunk-rotation';
import { upperBackExtensionStanding } from './upper-back-extension-standing';
import { upperBackFoamRoll } from './upper-back-foam-roll';
import { wallAngels } from './wall-angels';
import { wallStretch } from './wall-stretch';

export const EXERCISES: readonly ExerciseDefinition[] = [
	wallAngels,
	scapularSqueeze,
	thoracicExtensionSeated,
	shoulderShrug,
	overheadArmReach,
	neckSideTilt,
	// The rest of the catalog, in the order of the shared catalog table (../shared/docs/exercises.md, outside this repository).
	thoracicExtensionFloor,
	upperBackExtensionStanding,
	childsPose,
	childsPoseSideStretch,
	catCow,
	doorwayStretch,
	threadTheNeedle,
	shoulderRolls,
	neckRoll,
	neckRotation,
	neckFlexionExtension,
	armPressCurl,
	latSideStretch,
	crossbodyShoulderStretch,
	upperBackFoamRoll,
	proneArmRaise,
	shoulderSqueezeHold,
	seatedRow,
	chestFly,
	backExtensionProne,
	trunkRotation,
	kneeToChest,
	wallStretch,
	peanutSegmentalFlexion,
	ironCross
];

const BY_ID = new Map(EXERCISES.map((e) => [e.id, e]));

export function getExercise(id: string): ExerciseDefinition | undefined {
	return BY_ID.get(id);
}
