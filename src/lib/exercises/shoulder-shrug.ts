import { defineExercise } from '../engine/define';

/**
 * Shoulder shrugs, front view. Rep signal: the ear–shoulder vertical gap against the person's
 * own resting gap (torso lengths). A full shrug closes it by ≈ 0.12–0.15 (6–7.5 cm); enter at −0.1
 * (≈ 5 cm, about 75 % of a full shrug, so a half shrug does not count), exit at −0.04 (≈ 2 cm;
 * smoothed jitter is ≈ 0.01).
 */
/** The nose less than 0.45 ear widths (≈ 6 cm, a full nod) below its height at rest. */
const HEAD_UP = { metric: 'noseDropDelta', op: '<', value: 0.45 } as const;

export const shoulderShrug = defineExercise({
	id: 'shoulder-shrug',
	name: 'Shoulder shrugs',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	// Range of motion: each shoulder's rise as the collarbone's angle; target: the rep's `enter`
	// (a 0.1 torso-length rise) on a collarbone of 0.385 torso lengths, asin(0.1 / 0.385) ≈ 15°.
	measures: [{ id: 'shoulder-girdle-elevation', target: { degrees: 15, kind: 'at-least' } }],
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: { sets: 2, reps: 12, note: 'Sources: 2–3 sets of 10–15.' },
	instructions: [
		'Stand or sit tall facing the camera, arms by your sides.',
		'Lift both shoulders up toward your ears.',
		'Pause for a moment at the top, then lower them slowly all the way down.'
	],
	baseline: ['earShoulderGap', 'noseDrop', 'shoulderWidthToArm'],
	rep: {
		metric: 'earShoulderGapDelta',
		direction: 'down',
		enter: -0.1,
		exit: -0.04,
		minSeconds: 0.8,
		// A shrug lifts the shoulders without drawing them in. A shoulder-blade squeeze closes
		// the ear–shoulder gap a little too (0.05 on a real person seen from behind), but it
		// narrows the shoulder line against the upper arms (shoulder width ÷ upper-arm length) by
		// 0.08–0.18 (a shrug: under 0.02); so a rep narrowed by 0.12 (≈ 4 cm) is a squeeze. And
		// the arms hang, within 45° of the trunk (an arm raise closes the gap as well). And the
		// head stays up: the ear coming down to the shoulder closes the gap from the other end
		// (the head-dropping rule's quarter ear width): bowing forward at a desk did, counted as
		// a shrug on the real slouch clip with both models.
		shape: {
			during: {
				all: [
					{ metric: 'shoulderWidthToArmDelta', op: '>', value: -0.12 },
					{ metric: 'armRaise', op: '<', value: 45 },
					HEAD_UP
				]
			},
			cue: 'Lift both shoulders straight up toward your ears, arms hanging.'
		}
	},
	rules: [
		{
			id: 'head-dropping',
			during: 'always',
			// Dropping the head also closes the ear–shoulder gap: that is not a shrug. The nose a
			// quarter of an ear width (≈ 3.5 cm) lower than at rest is a nod (a full one ≈ 0.45).
			fault: { metric: 'noseDropDelta', op: '>', value: 0.25 },
			cue: 'Keep your head level; move only your shoulders.',
			priority: 3,
			penalty: 40
		},
		{
			id: 'uneven',
			during: 'active',
			// The shoulder line more than 6° off level (deg; jitter ≈ 2°): one shoulder lifts
			// ≈ 4 cm higher than the other over a ≈ 38 cm shoulder width.
			fault: { metric: 'shoulderTilt', op: 'outside', value: [-6, 6] },
			cue: 'Lift both shoulders evenly.',
			priority: 2,
			penalty: 25
		}
	]
});
