import { defineExercise } from '../engine/define';

/**
 * Neck rolls, a guided timer (the catalog's kind). Not camera-checked: a circle of the head
 * passes through tilts, nods and turns that our front-view head metrics each see only in part,
 * and whether a circle was slow, full and smooth is not something we can score honestly.
 */
export const neckRoll = defineExercise({
	id: 'neck-roll',
	name: 'Neck rolls',
	kind: 'timed',
	view: 'front',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 2,
		holdSeconds: 15,
		note: 'Sources: 10–15 s each direction. Round 1 clockwise, round 2 counter-clockwise.'
	},
	instructions: [
		'Sit or stand tall, shoulders relaxed and still.',
		'Let your chin sink toward your chest, then draw slow circles with your head, ear past shoulder, and around.',
		'Keep the circles small and easy; skip the part that tips the head far back if it pinches.',
		'Change direction when the timer says so.'
	],
	rules: []
});
