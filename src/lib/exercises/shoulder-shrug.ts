import { defineExercise } from '../engine/define';

/**
 * Shoulder shrugs, front view. Rep signal: the ear–shoulder vertical gap against the person's
 * own resting gap (scale units). A full shrug closes it by ≈ 0.12–0.15; enter at −0.1 (about 75 % of a
 * full shrug, so a half shrug does not count), exit at −0.04 (smoothed jitter is ≈ 0.01).
 */
export const shoulderShrug = defineExercise({
	id: 'shoulder-shrug',
	name: 'Shoulder shrugs',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: { sets: 2, reps: 12, note: 'Sources: 2–3 sets of 10–15.' },
	instructions: [
		'Stand or sit tall facing the camera, arms by your sides.',
		'Lift both shoulders up toward your ears.',
		'Pause for a moment at the top, then lower them slowly all the way down.'
	],
	baseline: ['earShoulderGap', 'noseDrop'],
	rep: {
		metric: 'earShoulderGapDelta',
		direction: 'down',
		enter: -0.1,
		exit: -0.04,
		minSeconds: 0.8
	},
	rules: [
		{
			id: 'head-dropping',
			during: 'always',
			// Dropping the head also closes the ear–shoulder gap: that is not a shrug.
			fault: { metric: 'noseDropDelta', op: '>', value: 0.25 },
			cue: 'Keep your head level; move only your shoulders.',
			priority: 3,
			penalty: 40
		},
		{
			id: 'uneven',
			during: 'active',
			fault: { metric: 'shoulderTilt', op: 'outside', value: [-6, 6] },
			cue: 'Lift both shoulders evenly.',
			priority: 2,
			penalty: 25
		}
	]
});
