import { defineExercise } from '../engine/define';

/**
 * Child's pose, side view, a hold: hips back toward the heels, arms long on the floor ahead,
 * head down.
 *
 * Hold condition: the near hip within 0.7 torso lengths of the near ankle (`hipToHeel`; sitting
 * back on the heels ≈ 0.3–0.55, on hands and knees with the thighs upright ≈ 0.9–1.2) and the
 * arms reaching past the head (`armRaise` > 120°: the angle at the shoulder between the trunk
 * and the upper arm, ≈ 150–170° with the arms long, ≈ 75–90° on hands and knees with the arms
 * under the shoulders). Both hold whichever way the body lies.
 *
 * Form: the head rests down. Lifted more than 20° above the trunk line (`headLift`) for a
 * second, the neck holds it up and does not rest. Kneeling upright (trunk line 35° above level)
 * is not the pose at all, and the hold stops on its own there (the arms come down).
 */
export const childsPose = defineExercise({
	id: 'childs-pose',
	name: 'Child’s pose',
	kind: 'hold',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: { sets: 1, holdSeconds: 45, note: 'Sources: 30–60 s. We time one 45 s hold.' },
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Kneel on a mat, big toes together, then sit back toward your heels.',
		'Walk your hands forward, arms long, and rest your forehead on the floor.',
		'Let your back widen and soften with each breath until the timer ends.'
	],
	hold: {
		seconds: 45,
		count: 1,
		condition: {
			all: [
				{ metric: 'hipToHeel', op: '<', value: 0.7 },
				{ metric: 'armRaise', op: '>', value: 120 }
			]
		},
		cue: 'Sit your hips back toward your heels and reach your arms long on the floor.'
	},
	rules: [
		{
			id: 'head-up',
			during: 'active',
			fault: { metric: 'headLift', op: '>', value: 20 },
			cue: 'Let your head rest down, forehead toward the floor.',
			priority: 2,
			minSeconds: 1,
			penalty: 15
		}
	]
});
