import { defineExercise } from '../engine/define';

/**
 * Trunk rotation, front view, reps. Seen from the front, turning the chest shortens the shoulder
 * line by the cosine of the turn while the torso keeps its length, so the rep signal is the
 * shoulder-width/torso ratio against the person's own square-on ratio
 * (`shoulderWidthRatioDelta`, ratio; ≈ 0.8 square on, −0.11 at 30°, −0.19 at 40°). Enter at
 * −0.11, exit at −0.05, with a 0.3 s low-pass: the ratio of two short distances is noisy
 * (≈ ±0.03 after smoothing).
 *
 * Limits, said plainly: the front view cannot tell a turn to the left from one to the right, so
 * we count turns, not sides; past ≈ 50° the shoulders look too narrow to call it a front view,
 * so the instructions ask for a turn of about 45°.
 */
export const trunkRotation = defineExercise({
	id: 'trunk-rotation',
	name: 'Trunk rotation',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		reps: 20,
		note: 'Sources give no dose; we suggest 10 turns to each side, alternating (20 turns), as a warm-up.'
	},
	instructions: [
		'Sit or stand tall facing the camera, hips and shoulders in view, arms crossed over your chest.',
		'Keeping your hips still, turn your chest about halfway toward one side, then come back to the centre.',
		'Alternate sides, moving slowly and staying upright.'
	],
	baseline: ['shoulderWidthRatio'],
	rep: {
		metric: 'shoulderWidthRatioDelta',
		direction: 'down',
		enter: -0.11,
		exit: -0.05,
		minSeconds: 1.2,
		smoothSeconds: 0.3
	},
	rules: [
		{
			id: 'side-lean',
			during: 'always',
			// Hip–shoulder line tilting more than 10° sideways (deg; sway ≈ 2°).
			fault: { metric: 'trunkLeanSide', op: 'outside', value: [-10, 10] },
			cue: 'Stay tall as you turn, without leaning to the side.',
			priority: 2,
			penalty: 25
		}
	]
});
