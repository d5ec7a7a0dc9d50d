import { defineExercise } from '../engine/define';

/**
 * Knee to chest, a guided timer per side. Not camera-checked: lying on the back the trunk is
 * horizontal, which our upright-trunk metrics cannot read, and the simulator cannot lie down to
 * test a check.
 */
export const kneeToChest = defineExercise({
	id: 'knee-to-chest',
	name: 'Knee to chest',
	kind: 'hold',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 2,
		holdSeconds: 20,
		perSide: true,
		note: 'Sources give no dose; we suggest 2 rounds of 20 s holds each side (or both knees together).'
	},
	instructions: [
		'Lie on your back with your knees bent and feet flat.',
		'Hug one knee toward your chest with both hands, the other foot on the floor; hold and breathe.',
		'Lower it and switch legs, or draw both knees in together.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
