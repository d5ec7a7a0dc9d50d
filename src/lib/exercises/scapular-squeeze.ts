import { defineExercise } from '../engine/define';

/**
 * Shoulder-blade squeeze, rep with a 5 s hold, judged from the SIDE: the shoulder girdle moves
 * back relative to the hips (`girdleForward`: both shoulders and elbows against both hips,
 * score-weighted, scale units; a firm squeeze moves it ≈ 0.10–0.11, a 60 % one ≈ 0.065).
 * From the front a squeeze narrows the shoulders by only ≈ 7 % (about 1 cm); on generated
 * traces with realistic keypoint noise that view miscounted, so we ask for the side view rather
 * than count badly. Single frames cannot tell a firm squeeze from a 60 % one under heavy noise
 * (≈ 0.03–0.05 wander), but the 5 s hold can: a rep starts at −0.06 and counts only if its mean
 * over the hold reaches −0.075 (`holdMean`, chosen on the generated benchmark between the two
 * means); exit at −0.035, with a 0.3 s low-pass on the signal.
 */
export const scapularSqueeze = defineExercise({
	id: 'scapular-squeeze',
	name: 'Shoulder-blade squeeze',
	kind: 'rep',
	view: 'side',
	cameraChecked: true,
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: { sets: 2, reps: 10, holdSeconds: 5, note: 'Sources: hold 5 s, 10–15 reps, 2–3 sets.' },
	instructions: [
		'Sit or stand tall with your arms relaxed by your sides.',
		'Draw your shoulder blades back and together, as if holding a pencil between them.',
		'Hold for 5 seconds, then relax fully.',
		'Turn sideways to the camera, with your hips in view: from the side the squeeze is easy to see.'
	],
	baseline: ['girdleForward', 'earShoulderGap'],
	rep: {
		metric: 'girdleForwardDelta',
		direction: 'down',
		enter: -0.06,
		exit: -0.035,
		holdMean: -0.075,
		rangeCue: 'Draw your shoulder blades further back and together.',
		minSeconds: 1,
		holdSeconds: 5,
		holdCue: 'Hold the squeeze for 5 seconds before you let go.',
		smoothSeconds: 0.3
	},
	rules: [
		{
			id: 'shrug',
			during: 'active',
			fault: { metric: 'earShoulderGapDelta', op: '<', value: -0.07 },
			cue: 'Squeeze back and down, not up toward your ears.',
			priority: 3,
			penalty: 35
		},
		{
			id: 'arms-lifting',
			during: 'active',
			fault: { metric: 'armRaiseMin', op: '>', value: 40 },
			cue: 'Let your arms hang relaxed; the work is between your shoulder blades.',
			priority: 1,
			penalty: 15
		}
	]
});
