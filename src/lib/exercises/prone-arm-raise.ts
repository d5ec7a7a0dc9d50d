import { defineExercise } from '../engine/define';

/**
 * Prone arm raise, a guided timer. Not camera-checked: lying face down the body is horizontal,
 * our side metrics assume an upright trunk, and our stick-figure simulator cannot lie down, so a
 * check here could not be tested on generated traces. We would rather time the set than ship an
 * untested judgement.
 */
export const proneArmRaise = defineExercise({
	id: 'prone-arm-raise',
	name: 'Prone arm raise',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 2,
		reps: 10,
		holdSeconds: 50,
		note: 'Sources: 2–3 sets of 10–15, each lift held 2 s. We time 50 s per set, about 10 slow reps.'
	},
	instructions: [
		'Lie face down on a mat, forehead on a folded towel, arms out to the sides with the thumbs pointing up.',
		'Squeeze your shoulder blades and lift both arms a few centimetres off the floor; hold for two seconds.',
		'Lower slowly and repeat at an easy pace until the timer ends.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
