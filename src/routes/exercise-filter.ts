/**
 * The home page's filters: where a move is done, its kind, and whether the camera checks it.
 * Pure; the catalog stays as it is (the exercises do not say where they are done, so this file
 * reads it from their instructions, as the setup guide does for floor moves).
 */
import type { ExerciseDefinition } from '$lib/engine/types';
import { isFloorMove } from '$lib/text/setup-guide';

export type Place = 'desk' | 'standing' | 'floor';
export type KindFilter = 'rep' | 'hold' | 'timed';
export type CameraFilter = 'checked' | 'timer';

export interface ExerciseFilter {
	place: Place | 'any';
	kind: KindFilter | 'any';
	camera: CameraFilter | 'any';
}

export const NO_FILTER: Readonly<ExerciseFilter> = Object.freeze({
	place: 'any',
	kind: 'any',
	camera: 'any'
});

export const PLACE_LABELS: Record<Place, string> = {
	desk: 'At the desk',
	standing: 'Standing',
	floor: 'On the floor'
};

export const KIND_LABELS: Record<KindFilter, string> = {
	rep: 'Reps',
	hold: 'Holds and stretches',
	timed: 'Timed moves'
};

export const CAMERA_LABELS: Record<CameraFilter, string> = {
	checked: 'Camera checks it',
	timer: 'Guided timer'
};

/**
 * Moves the instructions do not place by their words: lying on an exercise ball is done away
 * from the desk, low down, like the floor moves.
 */
const PLACE_OVERRIDES: Readonly<Record<string, Place>> = { 'chest-fly': 'floor' };

/** A move that starts "Sit…" / "Stand or sit…" can be done on the desk chair. */
const SEATED = /\bsit\b/i;
/** "Sit on the floor" is a floor move, not a desk one (isFloorMove catches those with a laptop). */
const ON_FLOOR = /\b(floor|mat|lie|kneel|hands and knees)\b/i;

/** Where a move is done: on the desk chair, standing up, or on the floor. */
export function placeOf(def: Pick<ExerciseDefinition, 'id' | 'instructions'>): Place {
	const override = PLACE_OVERRIDES[def.id];
	if (override) return override;
	const first = def.instructions[0] ?? '';
	if (isFloorMove(def) || ON_FLOOR.test(first)) return 'floor';
	return SEATED.test(first) ? 'desk' : 'standing';
}

export function kindOf(def: Pick<ExerciseDefinition, 'kind'>): KindFilter {
	if (def.kind === 'rep') return 'rep';
	return def.kind === 'timed' ? 'timed' : 'hold';
}

export function matches(def: ExerciseDefinition, f: ExerciseFilter): boolean {
	if (f.place !== 'any' && placeOf(def) !== f.place) return false;
	if (f.kind !== 'any' && kindOf(def) !== f.kind) return false;
	if (f.camera !== 'any' && (def.cameraChecked ? 'checked' : 'timer') !== f.camera) return false;
	return true;
}

export function filterExercises(
	list: readonly ExerciseDefinition[],
	f: ExerciseFilter
): ExerciseDefinition[] {
	return list.filter((d) => matches(d, f));
}
