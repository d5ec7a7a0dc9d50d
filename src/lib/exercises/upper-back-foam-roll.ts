import { defineExercise } from '../engine/define';

/**
 * Upper-back foam rolling, a guided timer. Not camera-checked: what matters (where the roller
 * sits under the back, how much pressure goes into it, a pause on a tight spot) is not visible to
 * a camera at all; the body sliding back and forth over it is, but counting slides would judge
 * the wrong thing. The setup guide says so in one line (text/setup-guide.ts).
 */
export const upperBackFoamRoll = defineExercise({
	id: 'upper-back-foam-roll',
	name: 'Upper-back foam roll',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 3,
		holdSeconds: 30,
		note: 'Sources: 30 s per tight spot. We time up to 3 spots.'
	},
	instructions: [
		'Sit on the floor with a foam roller behind you, crosswise under your shoulder blades, knees bent and feet flat.',
		'Cross your arms over your chest, lift your hips a little and roll slowly between mid and upper back.',
		'When you find a tight spot, pause on it and breathe; keep the roller off your lower back and neck.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
