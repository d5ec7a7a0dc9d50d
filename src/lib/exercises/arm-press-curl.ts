import { defineExercise } from '../engine/define';

/**
 * Arm press and curl, side view. The sources pair two holds: press the interlaced hands forward,
 * then curl the arms in and round the upper back. The engine times one position per hold, so the
 * coach times the curl (the upper-back stretch) and the press is the way in and out of it; the
 * dose note says so.
 *
 * Curl position: elbows bent (`elbowAngleMin` < 110°; pressed straight ≈ 180°, curled ≈ 70°) and
 * the shoulders rounded forward of the hips by at least 0.12 torso lengths more than at the start
 * (`shoulderForwardDelta`; the curl gives ≈ +0.3 from standing, +0.24 from the press).
 */
export const armPressCurl = defineExercise({
	id: 'arm-press-curl',
	name: 'Arm press and curl',
	kind: 'hold',
	view: 'side',
	cameraChecked: true,
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
	dose: {
		sets: 1,
		holdSeconds: 15,
		note: 'Sources: hold each position 15–20 s, several times. We time 3 curls of 15 s; hold the press in between for about as long.'
	},
	instructions: [
		'Stand side-on to the camera. Lace your fingers and turn your palms away from you.',
		'Push your hands straight forward at chest height and feel your shoulder blades spread; hold.',
		'Then bend your elbows, draw your hands toward your chest and round your upper back, chin gently down; hold.',
		'Go back to the press and repeat.'
	],
	baseline: ['shoulderForward'],
	hold: {
		seconds: 15,
		count: 3,
		condition: {
			all: [
				{ metric: 'elbowAngleMin', op: '<', value: 110 },
				{ metric: 'shoulderForwardDelta', op: '>', value: 0.12 }
			]
		},
		cue: 'Bend your elbows, draw your hands in and round your upper back.'
	},
	rules: [
		{
			id: 'arms-dropped',
			during: 'active',
			// Upper arms held up in front give ≈ 60° of elevation; dropped to the belly ≈ 10°. Under
			// 35°, about halfway, the arms have come down.
			fault: { metric: 'armRaiseMin', op: '<', value: 35 },
			cue: 'Keep your arms up in front of your chest as you curl.',
			priority: 2,
			penalty: 25
		}
	]
});
