/**
 * Where to put the laptop and how to stand to it, as setup guidance shown before and during a
 * move. Floor moves are the ones whose instructions place the laptop on the floor (the catalog
 * test holds every floor move of the catalog to saying so); their placement line is shown first.
 */
import type { ExerciseDefinition } from '$lib/engine/types';
import { sideViewMessage } from '$lib/engine/setup-check';

export interface SetupGuide {
	/** The laptop goes on the floor. */
	floor: boolean;
	title: string;
	lines: string[];
}

const mentionsFloorLaptop = (s: string) => /laptop/i.test(s) && /floor/i.test(s);

/**
 * Why a floor move stays a timer, said right after "the camera stays off" (the definitions'
 * comments give the full reasoning). Only where a person would expect the camera to help: these
 * moves lie in front of a laptop that is already on the floor.
 */
const WHY_NO_CAMERA: Readonly<Record<string, string>> = {
	'upper-back-foam-roll':
		'it cannot see where the roller sits under your back, or how hard you press.',
	'peanut-segmental-flexion':
		'it cannot see the balls under your back, and the crunch is only a few centimetres.',
	'iron-cross':
		'from the side your knee crosses toward or away from it, and the roller hides whether your shoulders stay down.'
};

export function isFloorMove(def: Pick<ExerciseDefinition, 'instructions'>): boolean {
	return def.instructions.some(mentionsFloorLaptop);
}

/** The guidance for a move, or null for a standing guided timer (no camera, nothing to place). */
export function setupGuide(def: ExerciseDefinition): SetupGuide | null {
	const floor = isFloorMove(def);
	if (!def.cameraChecked) {
		if (!floor) return null;
		return {
			floor,
			title: 'Laptop on the floor',
			lines: [
				'Put the laptop on the floor a couple of metres away, where you can see and hear the timer.',
				WHY_NO_CAMERA[def.id]
					? `The camera stays off for this one: ${WHY_NO_CAMERA[def.id]}`
					: 'The camera stays off for this one.'
			]
		};
	}
	const lines: string[] = [];
	if (floor) lines.push(...def.instructions.filter(mentionsFloorLaptop));
	if (def.view === 'side') {
		// The same words the coach uses when it sees the front (setup-check.ts).
		lines.push(sideViewMessage('left').replace(/, so I can see.*$/, '.') + ' Either side works.');
	} else if (def.view === 'front') {
		lines.push('Face the camera, shoulders square to the screen.');
	} else {
		lines.push('Face the camera or turn side-on: both work.');
	}
	if (!floor) lines.push('Stand or sit about 1.5–2 m from the camera, upper body in view.');
	return { floor, title: floor ? 'Laptop on the floor' : 'Camera setup', lines };
}
