/**
 * The ready-made routines, built from catalog ids with doses that add up to their stated length
 * (see duration.ts; a test holds each within 5 %). As the sources advise, each starts with
 * dynamic warm-up moves (trunk rotation, overhead reach, shoulder rolls, cat-cow) and puts
 * static holds after them. The desk break is the sources' desk routine: shoulder rolls, neck
 * flexion and a wall stretch, the moving ones first.
 */
import type { Routine } from './types';

export const DESK_BREAK: Routine = {
	id: 'desk-break',
	name: 'Desk break',
	minutes: 3,
	blurb: 'Three moves beside your desk after long sitting: loosen up, then stretch.',
	items: [
		{ exerciseId: 'shoulder-rolls', dose: { sets: 1, reps: 12 } },
		{ exerciseId: 'neck-flexion-extension', dose: { sets: 1, reps: 8 } },
		{ exerciseId: 'wall-stretch', dose: { sets: 1, holds: 2, holdSeconds: 30 } }
	]
};

export const MORNING_MOBILITY: Routine = {
	id: 'morning-mobility',
	name: 'Morning mobility',
	minutes: 8,
	blurb: 'Wake the upper back gently: moving warm-ups first, then long, easy stretches.',
	items: [
		{ exerciseId: 'trunk-rotation', dose: { sets: 1, reps: 20 } },
		{ exerciseId: 'overhead-arm-reach', dose: { sets: 1, reps: 10 } },
		{ exerciseId: 'shoulder-rolls', dose: { sets: 1, reps: 12 } },
		{ exerciseId: 'cat-cow', dose: { sets: 1, holdSeconds: 60 } },
		{ exerciseId: 'lat-side-stretch', dose: { sets: 1, holds: 1, holdSeconds: 20 } },
		{ exerciseId: 'neck-side-tilt', dose: { sets: 1, holds: 1, holdSeconds: 20 } },
		{ exerciseId: 'doorway-stretch', dose: { sets: 1, holds: 2, holdSeconds: 30 } }
	]
};

export const UPPER_BACK_STRENGTH: Routine = {
	id: 'upper-back-strength',
	name: 'Upper-back strength',
	minutes: 12,
	blurb: 'Warm up, then build the muscles between the shoulder blades; a stretch to finish.',
	items: [
		{ exerciseId: 'trunk-rotation', dose: { sets: 1, reps: 20 } },
		{ exerciseId: 'overhead-arm-reach', dose: { sets: 1, reps: 10 } },
		{ exerciseId: 'shoulder-rolls', dose: { sets: 1, reps: 12 } },
		{ exerciseId: 'wall-angels', dose: { sets: 2, reps: 10 } },
		{ exerciseId: 'scapular-squeeze', dose: { sets: 1, reps: 10 } },
		{ exerciseId: 'shoulder-shrug', dose: { sets: 2, reps: 10 } },
		{ exerciseId: 'prone-arm-raise', dose: { sets: 2, reps: 7 } },
		{ exerciseId: 'thoracic-extension-seated', dose: { sets: 1, holds: 2, holdSeconds: 20 } }
	]
};

export const PRESETS: readonly Routine[] = [DESK_BREAK, MORNING_MOBILITY, UPPER_BACK_STRENGTH];

export function getPreset(id: string): Routine | undefined {
	return PRESETS.find((r) => r.id === id);
}
