import { defineExercise } from '../engine/define';

/**
 * Wall angels, front view. Rep signal: the mean upper-arm elevation of both arms (deg). The goal
 * post is ≈ 90–100°; sliding up reaches ≈ 170–175°, a 60 % slide ≈ 145°. Enter at 155° (between
 * the two, nearer the partial, as noise lowers a fast rep's peak), exit at 115° (back down near
 * the goal post). The mean, not the lower arm: the upper arm is short at this distance (≈ 45 px),
 * so each arm's angle wanders ≈ 10° under heavy keypoint noise, and the minimum of two such
 * readings sits ≈ 6° low and varies more; uneven arms get their own cue (uneven-arms).
 *
 * The hips are not needed: against a wall with the laptop at chest height they are often out of
 * the picture, and the arm angle falls back on the image vertical for the trunk (body-metrics).
 */
export const wallAngels = defineExercise({
	id: 'wall-angels',
	name: 'Wall angels',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	// Range of motion: the arm's angle from the trunk at the top of each slide, against the rep's
	// `enter` (155°), and the elbow's angle there (no number in the definition, so no target).
	measures: [
		{ id: 'shoulder-elevation', target: { degrees: 155, kind: 'at-least' } },
		{ id: 'elbow-angle' }
	],
	requires: [
		'nose',
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist'
	],
	dose: { sets: 2, reps: 10, note: 'Sources give 10–12 reps; we start at 2 sets of 10.' },
	instructions: [
		'Stand with your back, the back of your head and your bottom against a wall, feet a hand-length out.',
		'Raise your arms into a goal post: elbows at shoulder height, bent to a right angle, backs of the hands toward the wall.',
		'Slowly slide your arms up the wall as far as you can keep contact, then back down to the goal post.',
		'Face the camera, far enough back that your hands stay in view when raised.'
	],
	baseline: ['earShoulderGap', 'noseDrop'],
	rep: {
		metric: 'armRaise',
		direction: 'up',
		enter: 155,
		exit: 115,
		minSeconds: 1,
		// A stiff person's own full slide must still reach 132°: 60 % of the way from the goal
		// post (90°) to an average top (165°) is 135°; 40 % (120°) is a half-hearted rep.
		stiffEnter: 132,
		// A wall angel starts from the goal post: elbows bent to about a right angle (well under
		// 135°; straight is 180°) and no lower than a hand's breadth under the shoulders (0.25
		// torso lengths, ≈ 12 cm). A plain
		// arm raise reaches as high, from arms hanging straight.
		shape: {
			start: {
				all: [
					{ metric: 'elbowAngleMin', op: '<', value: 135 },
					{ metric: 'elbowHeightMin', op: '>', value: -0.25 }
				]
			},
			cue: 'Start each rep from the goal post: elbows bent at shoulder height, then slide up.'
		}
	},
	rules: [
		{
			id: 'elbows-low',
			during: 'always',
			// Elbow more than 0.12 torso lengths (≈ 6 cm on an adult) below its shoulder: the goal
			// post has sagged (at the goal post ≈ 0).
			fault: { metric: 'elbowHeightMin', op: '<', value: -0.12 },
			cue: 'Lift your elbows up to shoulder height.',
			priority: 3,
			penalty: 40
		},
		{
			id: 'shrug',
			during: 'active',
			// Shoulders rise a little with any overhead reach (≈ 0.05 torso lengths); 0.1 (≈ 5 cm)
			// is a real shrug.
			fault: { metric: 'earShoulderGapDelta', op: '<', value: -0.1 },
			cue: 'Keep your shoulders down, away from your ears.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'head-off-wall',
			during: 'always',
			// Front-view proxy: the head leaving the wall tips the face down (nose drops ≈ 0.3 ear
			// widths or more). It cannot see the wall itself; the cue says what to do, not what it saw.
			// The face is small when the whole body is in frame (ear width ≈ 25 px), so the
			// threshold is high and the fault must last a full second.
			fault: { metric: 'noseDropDelta', op: '>', value: 0.4 },
			minSeconds: 1,
			cue: 'Keep the back of your head on the wall.',
			priority: 2,
			penalty: 20
		},
		{
			id: 'uneven-arms',
			during: 'active',
			// The two arms' elevations 20° apart (deg): one lags; each wanders ≈ 10° (see above),
			// so a smaller gap would cue good reps.
			fault: { metric: 'armAsymmetry', op: '>', value: 20 },
			cue: 'Move both arms together, at the same height.',
			priority: 1,
			penalty: 20
		},
		{
			id: 'side-lean',
			during: 'always',
			// The hip–shoulder line more than 8° off vertical sideways (sway ≈ 2°): the body has
			// come away from the wall on one side.
			fault: { metric: 'trunkLeanSide', op: 'outside', value: [-8, 8] },
			cue: 'Keep your body straight against the wall; don’t lean to one side.',
			priority: 1,
			penalty: 15
		}
	]
});
