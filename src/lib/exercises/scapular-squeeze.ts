import { defineExercise } from '../engine/define';

/**
 * Shoulder-blade squeeze, rep with a 5 s hold, judged from the front or the side.
 * Front: the shoulders draw back and in, so shoulder width shrinks against head width
 * (`shoulderSpan`, ≈ 2.3–2.8 at rest; a firm squeeze takes ≈ 0.15–0.25 off it).
 * Side: the shoulder moves back relative to the hip (`shoulderForward`, scale units; a squeeze
 * moves it ≈ 0.06–0.1 back). Thresholds sit at about half the squeeze, exits near rest.
 */
export const scapularSqueeze = defineExercise({
	id: 'scapular-squeeze',
	name: 'Shoulder-blade squeeze',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
	requires: ['nose', 'left_shoulder', 'right_shoulder'],
	dose: { sets: 2, reps: 10, holdSeconds: 5, note: 'Sources: hold 5 s, 10–15 reps, 2–3 sets.' },
	instructions: [
		'Sit or stand tall with your arms relaxed by your sides.',
		'Draw your shoulder blades back and together, as if holding a pencil between them.',
		'Hold for 5 seconds, then relax fully.',
		'Face the camera, or turn sideways: both work.'
	],
	baseline: ['shoulderSpan', 'shoulderForward', 'earShoulderGap', 'headForward'],
	repByView: {
		front: {
			metric: 'shoulderSpanDelta',
			direction: 'down',
			enter: -0.1,
			exit: -0.04,
			minSeconds: 1,
			holdSeconds: 5
		},
		side: {
			metric: 'shoulderForwardDelta',
			direction: 'down',
			enter: -0.04,
			exit: -0.015,
			minSeconds: 1,
			holdSeconds: 5
		}
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
			id: 'head-forward',
			during: 'active',
			fault: { metric: 'headForwardDelta', op: '>', value: 0.06 },
			cue: 'Keep your chin tucked; don’t let your head drift forward.',
			priority: 2,
			penalty: 20
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
