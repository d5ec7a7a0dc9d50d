import { defineExercise } from '../engine/define';

/**
 * Shoulder squeeze with palms forward, rep with a 5 s hold. The sources film it from the front,
 * but from the front a squeeze narrows the shoulders by only ≈ 7 % (about 1 cm), which the
 * scapular-squeeze definition found too small to count under realistic keypoint noise. So, like
 * that move, we judge it from the SIDE: the shoulder drawn back relative to the hip
 * (`shoulderForwardDelta`, torso lengths; a firm squeeze ≈ −0.12, ≈ 6 cm). Enter at −0.09
 * (≈ 4.5 cm, about 75 % of a firm squeeze, so a half squeeze does not count), exit at −0.045
 * (≈ 2 cm), with a 0.3 s low-pass.
 */
export const shoulderSqueezeHold = defineExercise({
	id: 'shoulder-squeeze-hold',
	name: 'Shoulder squeeze, palms forward',
	kind: 'rep',
	view: 'side',
	cameraChecked: true,
	// Range of motion: the shoulders drawn back as the collarbone's turn; target: the rep's
	// `enter` (0.09 torso lengths), asin(0.09 / 0.385) ≈ 14°.
	measures: [{ id: 'scapular-retraction', target: { degrees: 14, kind: 'at-least' } }],
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: { sets: 2, reps: 10, holdSeconds: 5, note: 'Sources: 2–3 sets of 10–15, hold 5 s.' },
	instructions: [
		'Stand or sit tall side-on to the camera, hips in view, arms by your sides with the palms turned forward.',
		'Pull your shoulder blades back and together and keep your shoulders low.',
		'Hold for 5 seconds, then let go completely.'
	],
	baseline: ['shoulderForward', 'earShoulderGap'],
	rep: {
		metric: 'shoulderForwardDelta',
		direction: 'down',
		enter: -0.09,
		exit: -0.045,
		minSeconds: 1,
		holdSeconds: 5,
		holdCue: 'Hold the squeeze for 5 seconds before you let go.',
		smoothSeconds: 0.3
	},
	rules: [
		{
			id: 'shrug',
			during: 'active',
			// Ear–shoulder gap closing by 0.07 torso lengths (≈ 3.5 cm): the shoulders ride up,
			// about half a shrug (≈ −0.13).
			fault: { metric: 'earShoulderGapDelta', op: '<', value: -0.07 },
			cue: 'Squeeze back and down; keep your shoulders away from your ears.',
			priority: 3,
			penalty: 35
		},
		{
			id: 'arms-lifting',
			during: 'active',
			// Both upper arms more than 40° from the trunk (hanging ≈ 0–15°): the arms are working.
			fault: { metric: 'armRaiseMin', op: '>', value: 40 },
			cue: 'Keep your arms hanging by your sides; the work is between your shoulder blades.',
			priority: 1,
			penalty: 15
		}
	]
});
