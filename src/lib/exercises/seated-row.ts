import { defineExercise } from '../engine/define';

/**
 * Seated row (band, cable or dumbbells), side view, reps. Rep signal: the farther-forward elbow's
 * position relative to the ear (`elbowForward`, torso lengths): arms reaching to the handles put
 * it ≈ 0.63 ahead, the handles at the chest ≈ 0.5 behind. Enter at −0.15 (elbows pulled behind
 * the body line), exit at 0.25 (arms back out): the gap dwarfs keypoint jitter (≈ 0.03).
 *
 * The sign of every side-view distance comes from which way the nose points; one wild nose
 * keypoint flips it for a frame, which on generated traces completed a rep mid-pull and started
 * another. A 0.15 s low-pass on the signal shrinks such a one-frame flip to a fifth. A rep (pull,
 * squeeze, slow return) takes ≈ 2 s past the thresholds; under 1.5 s gets the tempo cue.
 */
export const seatedRow = defineExercise({
	id: 'seated-row',
	name: 'Seated row',
	kind: 'rep',
	view: 'side',
	cameraChecked: true,
	// Range of motion: the shoulder blades drawn back at the end of each pull (no target: the
	// rep is judged on the elbows).
	measures: [{ id: 'scapular-retraction' }],
	requires: [
		'nose',
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist',
		'left_hip',
		'right_hip'
	],
	dose: { sets: 2, reps: 12, note: 'Sources: 2–3 sets of 12–15.' },
	instructions: [
		'Sit tall side-on to the camera with a band, cable or light weights held at arm’s length in front of you.',
		'Pull the handles to your lower chest, elbows close to your sides, squeezing your shoulder blades together.',
		'Let your arms straighten again slowly, taking about twice as long as the pull.'
	],
	baseline: ['earShoulderGap'],
	rep: {
		metric: 'elbowForward',
		direction: 'down',
		enter: -0.15,
		exit: 0.25,
		minSeconds: 1.5,
		smoothSeconds: 0.15
	},
	rules: [
		{
			id: 'leaning-back',
			during: 'always',
			// The hip–shoulder line more than 12° behind vertical: the pull comes from swinging the
			// trunk. Sitting tall and squeezing stays within ≈ −6° (deg).
			fault: { metric: 'trunkLeanForward', op: '<', value: -12 },
			cue: 'Sit tall and keep your body still; pull with your arms and shoulder blades.',
			priority: 3,
			penalty: 35
		},
		{
			id: 'shrug',
			during: 'active',
			// Ear–shoulder gap closing by 0.08 torso lengths (≈ 4 cm) against the start.
			fault: { metric: 'earShoulderGapDelta', op: '<', value: -0.08 },
			cue: 'Keep your shoulders down as you pull.',
			priority: 2,
			penalty: 25
		}
	]
});
