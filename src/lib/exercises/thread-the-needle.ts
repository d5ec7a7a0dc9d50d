import { defineExercise } from '../engine/define';

/**
 * Thread the needle, a guided timer per side. Not camera-checked: the arm that threads under the
 * body is hidden behind it from the side, and the stretch is a twist about the spine, which a 2D
 * side view sees only as small shifts of overlapping keypoints.
 */
export const threadTheNeedle = defineExercise({
	id: 'thread-the-needle',
	name: 'Thread the needle',
	kind: 'hold',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 1,
		holdSeconds: 30,
		perSide: true,
		note: 'Sources: 30 s holds, or 1–2 sets of 4–5 slow reaches each side. We time one 30 s hold per side.'
	},
	instructions: [
		'Start on hands and knees, hands under shoulders, knees under hips.',
		'Slide one arm under your body along the floor, palm up, until that shoulder and the side of your head rest down.',
		'Let your upper back turn into the stretch and hold, then come back up and switch sides.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
