import { defineExercise } from '../engine/define';

/**
 * Shoulder rolls, front view, reps. A camera facing the person sees each circle's lift well (the
 * ear–shoulder gap against the person's resting gap, torso lengths: the top of a full roll closes
 * it by ≈ 0.12) but not whether the circle runs backwards or forwards (that is depth). So we
 * count circles by their lift — enter at −0.065, exit at −0.03, after a 0.15 s low-pass (smoothed
 * jitter ≈ 0.01; on generated traces a minute of idling never reached enter) — and the
 * instructions say which way to roll in each set.
 *
 * No tempo check: the engine times a rep from passing `enter` to passing `exit`, which for a
 * circle is only its top third (0.4–1.5 s of a 2 s circle), so `minSeconds` would cue good
 * circles. Timing the whole cycle would need the engine to measure rest-to-rest periods.
 */
export const shoulderRolls = defineExercise({
	id: 'shoulder-rolls',
	name: 'Shoulder rolls',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	// Range of motion: each shoulder's rise at the top of the roll; target: the rep's `enter`
	// (0.065 torso lengths) as the collarbone's angle, asin(0.065 / 0.385) ≈ 10°.
	measures: [{ id: 'shoulder-girdle-elevation', target: { degrees: 10, kind: 'at-least' } }],
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: {
		sets: 2,
		reps: 10,
		note: 'Sources: 10–15 each direction. Set 1 rolls backwards, set 2 forwards; the camera counts circles, not their direction.'
	},
	instructions: [
		'Sit or stand tall facing the camera, arms hanging loose.',
		'Draw slow circles with both shoulders: up toward your ears, back, down, and around again.',
		'Roll backwards for the first set and forwards for the second, about two seconds per circle.'
	],
	baseline: ['earShoulderGap', 'noseDrop'],
	rep: {
		metric: 'earShoulderGapDelta',
		direction: 'down',
		enter: -0.065,
		exit: -0.03,
		minSeconds: 0,
		smoothSeconds: 0.15
	},
	rules: [
		{
			id: 'head-dropping',
			during: 'always',
			// Dropping the head also closes the ear–shoulder gap; the nose falls ≈ 0.45 ear widths
			// (≈ 6 cm). A quarter of an ear width (≈ 3.5 cm) lower than at rest is a nod.
			fault: { metric: 'noseDropDelta', op: '>', value: 0.25 },
			cue: 'Keep your head still and level; only your shoulders circle.',
			priority: 3,
			penalty: 40
		},
		{
			id: 'uneven',
			during: 'active',
			// The shoulder line more than 6° off level (deg; jitter ≈ 2°): one shoulder lifts
			// ≈ 4 cm higher than the other over a ≈ 38 cm shoulder width.
			fault: { metric: 'shoulderTilt', op: 'outside', value: [-6, 6] },
			cue: 'Circle both shoulders together, at the same height.',
			priority: 2,
			penalty: 25
		}
	]
});
