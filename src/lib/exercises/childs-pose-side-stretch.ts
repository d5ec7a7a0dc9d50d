import { defineExercise } from '../engine/define';

/**
 * Child's pose side stretch, FRONT view (the laptop on the floor in front of the head), a hold
 * per side: in child's pose, both hands walk over to one side and the opposite flank opens.
 *
 * A side camera cannot judge this one: the hands walk toward or away from it. From the front
 * they walk across the picture, which is what we measure: each wrist's distance past the
 * shoulder midline toward the other side (`wristAcrossLeft` / `wristAcrossRight`, front-view
 * torso lengths of 1.3 shoulder widths). With the arms long straight ahead each wrist sits
 * ≈ 0.35–0.4 (≈ 18–20 cm) out on its own side; hands walked 30 cm or more to the person's left
 * bring the right wrist to within 0.15 (≈ 8 cm) of the midline or past it (> −0.15) and push
 * the left one out past 0.5 (≈ 25 cm, < −0.5). Sides are
 * named by where the hands go: "left" opens the right flank. The arms must stay long ahead
 * (both arms raised past 110°, `armRaiseMin`; long ahead in child's pose ≈ 150–170°): a person sitting up and waving an arm across does not
 * hold. The folded trunk itself is foreshortened almost to nothing from the front, so its side
 * bend is not judged, only where the hands are.
 *
 * Form: the hips stay back on the heels; from the front this cannot be seen, so there is no rule
 * for it; the rule judges the arms: a bent elbow (under 130°) means the hands are not reaching.
 */
export const childsPoseSideStretch = defineExercise({
	id: 'childs-pose-side-stretch',
	name: 'Child’s pose side stretch',
	kind: 'side-hold',
	view: 'front',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_wrist', 'right_wrist'],
	dose: {
		sets: 1,
		holdSeconds: 20,
		perSide: true,
		note: 'Sources: 20 s each side, 2–3 times. We time one 20 s hold each side.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m in front of you, facing your head, so your arms and shoulders are in view.',
		'Settle into child’s pose: knees on the mat, hips back toward your heels, arms long in front.',
		'Walk both hands over to one side until you feel the opposite flank open; hold.',
		'Walk the hands back through the middle and over to the other side; hold.'
	],
	hold: {
		seconds: 20,
		count: 1,
		sides: {
			left: {
				all: [
					{ metric: 'wristAcrossRight', op: '>', value: -0.15 },
					{ metric: 'wristAcrossLeft', op: '<', value: -0.5 },
					{ metric: 'armRaiseMin', op: '>', value: 110 }
				]
			},
			right: {
				all: [
					{ metric: 'wristAcrossLeft', op: '>', value: -0.15 },
					{ metric: 'wristAcrossRight', op: '<', value: -0.5 },
					{ metric: 'armRaiseMin', op: '>', value: 110 }
				]
			}
		},
		cue: 'Walk both hands over to one side, arms long on the floor.'
	},
	rules: [
		{
			id: 'bent-arms',
			during: 'active',
			// Arms long on the floor are ≈ 160–180° at the elbow; under 130° the hands are pulled in.
			fault: { metric: 'elbowAngleMin', op: '<', value: 130 },
			cue: 'Reach your arms long through your fingertips.',
			priority: 2,
			minSeconds: 1,
			penalty: 20
		}
	]
});
