import { defineExercise } from '../engine/define';

/**
 * Overhead reach, front or side view. Rep signal: the lower wrist's height above its shoulder
 * in torso lengths (≈ −1.1 hanging, +1.1 straight overhead). Enter at 0.75 (≈ 80 % of the range,
 * about 130° of arm elevation), exit at 0 (wrists back below the shoulders). Height rather than
 * the arm angle, because a 2D arm angle cannot tell a sideways raise seen side-on (which looks
 * straight up) from a real overhead reach; and a 60 % reach must not count.
 */
export const overheadArmReach = defineExercise({
	id: 'overhead-arm-reach',
	name: 'Overhead reach',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
	// Range of motion: each arm's angle at the top, and the trunk's side bend (a limit: the
	// side-lean rule's 10°).
	measures: [
		{ id: 'shoulder-elevation' },
		{ id: 'side-bend', target: { degrees: 10, kind: 'at-most' } }
	],
	requires: [
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist'
	],
	dose: {
		sets: 1,
		reps: 10,
		note: 'Sources give no dose; we suggest 10 slow reaches as a warm-up.'
	},
	instructions: [
		'Stand or sit tall, arms by your sides.',
		'Reach both arms up overhead and grow tall through your fingertips.',
		'Lower them slowly back to your sides.'
	],
	rep: { metric: 'wristHeightMin', direction: 'up', enter: 0.75, exit: 0, minSeconds: 1.2 },
	rules: [
		{
			id: 'bent-elbows',
			during: 'active',
			// Either elbow under 140° (straight ≈ 165–180°): the hands stop short of overhead.
			fault: { metric: 'elbowAngleMin', op: '<', value: 140 },
			cue: 'Straighten your arms as you reach up.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'uneven-arms',
			during: 'active',
			// The two arms' elevations 25° apart (deg): one arm lags, past each arm's ≈ 10° wander.
			fault: { metric: 'armAsymmetry', op: '>', value: 25 },
			cue: 'Raise both arms together.',
			priority: 1,
			penalty: 20
		},
		{
			id: 'side-lean',
			during: 'active',
			// The hip–shoulder line more than 10° off vertical sideways (sway ≈ 2°): the reach
			// comes from bending the trunk, not from the shoulders.
			fault: { metric: 'trunkLeanSide', op: 'outside', value: [-10, 10] },
			cue: 'Reach straight up without leaning to one side.',
			priority: 1,
			penalty: 15
		}
	]
});
