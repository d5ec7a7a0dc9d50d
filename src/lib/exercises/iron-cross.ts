import { defineExercise } from '../engine/define';

/**
 * Iron cross on a foam roller, a guided timer. Not camera-checked: lying along a roller, the
 * rotation happens in a horizontal body that our upright-trunk metrics cannot read and the
 * simulator cannot pose.
 */
export const ironCross = defineExercise({
	id: 'iron-cross',
	name: 'Iron cross',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 1,
		reps: 5,
		holdSeconds: 40,
		perSide: true,
		note: 'Sources: 5 each side, holding 3–5 s. We time 40 s per side, about 5 slow rotations.'
	},
	instructions: [
		'Lie face up along a foam roller, head and spine supported, arms out wide on the floor.',
		'Bend one knee and cross it over your body, letting your upper back turn the other way; hold 3 to 5 seconds.',
		'Return to the middle and repeat; switch sides halfway.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
