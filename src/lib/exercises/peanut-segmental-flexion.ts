import { defineExercise } from '../engine/define';

/**
 * Peanut segmental flexion, a guided timer. Not camera-checked: lying on the back, the move is
 * a small crunch over two balls and then shifting them one vertebra up; neither the level of the
 * balls nor a few centimetres of crunch is something a webcam's keypoints can see. The setup
 * guide says so in one line (text/setup-guide.ts).
 */
export const peanutSegmentalFlexion = defineExercise({
	id: 'peanut-segmental-flexion',
	name: 'Peanut segmental flexion',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 1,
		reps: 3,
		holdSeconds: 120,
		note: 'Sources: 2–3 small crunches per level, moving up to the neck. We time 2 minutes for the whole climb.'
	},
	instructions: [
		'Tape two tennis balls together (a "peanut"). Lie on your back, knees bent, with the balls under your mid back on either side of the spine.',
		'Hands behind your head, do two or three small crunches over the balls.',
		'Shift so the balls move one vertebra higher and repeat, working up toward the base of the neck.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
