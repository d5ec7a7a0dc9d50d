import { defineExercise } from '../engine/define';

/**
 * Overhead reach, front or side view. Rep signal: the lower upper-arm's elevation (deg) from
 * hanging (≈ 0–20°) to overhead (≈ 160–180°). Enter at 140° (clearly overhead), exit at 70°
 * (well on the way down): the gap dwarfs keypoint jitter, so only whole reaches count.
 */
export const overheadArmReach = defineExercise({
	id: 'overhead-arm-reach',
	name: 'Overhead reach',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
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
	rep: { metric: 'armRaiseMin', direction: 'up', enter: 140, exit: 70, minSeconds: 1.2 },
	rules: [
		{
			id: 'bent-elbows',
			during: 'active',
			fault: { metric: 'elbowAngleMin', op: '<', value: 140 },
			cue: 'Straighten your arms as you reach up.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'uneven-arms',
			during: 'active',
			fault: { metric: 'armAsymmetry', op: '>', value: 25 },
			cue: 'Raise both arms together.',
			priority: 1,
			penalty: 20
		},
		{
			id: 'side-lean',
			during: 'active',
			fault: { metric: 'trunkLeanSide', op: 'outside', value: [-10, 10] },
			cue: 'Reach straight up without leaning to one side.',
			priority: 1,
			penalty: 15
		}
	]
});
