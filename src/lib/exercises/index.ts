/** The exercise catalog: one declarative definition per move, looked up by id. */
import type { ExerciseDefinition } from '../engine/types';
import { neckSideTilt } from './neck-side-tilt';
import { overheadArmReach } from './overhead-arm-reach';
import { scapularSqueeze } from './scapular-squeeze';
import { shoulderShrug } from './shoulder-shrug';
import { thoracicExtensionSeated } from './thoracic-extension-seated';
import { wallAngels } from './wall-angels';

export const EXERCISES: readonly ExerciseDefinition[] = [
	wallAngels,
	scapularSqueeze,
	thoracicExtensionSeated,
	shoulderShrug,
	overheadArmReach,
	neckSideTilt
];

const BY_ID = new Map(EXERCISES.map((e) => [e.id, e]));

export function getExercise(id: string): ExerciseDefinition | undefined {
	return BY_ID.get(id);
}
