import { defineExercise } from '../engine/define';

/**
 * Neck side tilt, front view, a hold per side. In position: the head tilted ≥ 18° from the
 * shoulder line toward one side (`neckTilt`, deg; + = left ear toward the left shoulder).
 * Most people reach 30–45°; 18° is clearly a deliberate tilt, well above head sway (≈ 5°).
 */
const FACE_FORWARD = { metric: 'headTurn', op: 'between', value: [-1, 1] } as const;

export const neckSideTilt = defineExercise({
	id: 'neck-side-tilt',
	name: 'Neck side tilt',
	kind: 'side-hold',
	view: 'front',
	cameraChecked: true,
	// Range of motion: the head's tilt held, per side; target: the hold's 18°.
	measures: [{ id: 'neck-lateral-flexion', target: { degrees: 18, kind: 'at-least' } }],
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: { sets: 1, holdSeconds: 20, perSide: true, note: 'Sources: 15–20 s each side.' },
	instructions: [
		'Sit or stand tall facing the camera, shoulders relaxed.',
		'Slowly tilt one ear toward the shoulder on the same side until you feel a gentle stretch.',
		'Hold, then come back to centre and tilt to the other side.'
	],
	hold: {
		seconds: 20,
		count: 1,
		// The ear comes to the shoulder, not the shoulder to the ear: the head itself must be at
		// least 10° off level too. Pulling one arm across the chest hitches that shoulder up and
		// tilted the shoulder line 18° under a level head (a real crossbody stretch, timed 1.2 s
		// as a neck tilt before).
		// And the face toward the camera: the nose within one ear width of the ears' midpoint
		// (`headTurn`, a head turned less than ≈ 55°; a tilt shows under 0.25). Turned further, the
		// ears nearly overlap and the line through them tilts at random: a real neck rotation's
		// end range (headTurn 9–11) read as a 25° tilt and was timed 2.5 s as one.
		sides: {
			left: {
				all: [
					{ metric: 'neckTilt', op: '>', value: 18 },
					{ metric: 'headTilt', op: '>', value: 10 },
					FACE_FORWARD
				]
			},
			right: {
				all: [
					{ metric: 'neckTilt', op: '<', value: -18 },
					{ metric: 'headTilt', op: '<', value: -10 },
					FACE_FORWARD
				]
			}
		},
		cue: 'Slowly tilt one ear toward the shoulder on the same side.'
	},
	rules: [
		{
			id: 'shoulder-hiking',
			during: 'active',
			// Holds pause on a fault, so a fault must last 0.8 s: noise must not stall the timer.
			minSeconds: 0.8,
			// Raising the shoulder to meet the ear tilts the shoulder line the same way (deg).
			fault: {
				any: [
					{
						all: [
							{ metric: 'neckTilt', op: '>', value: 0 },
							{ metric: 'shoulderTilt', op: '>', value: 6 }
						]
					},
					{
						all: [
							{ metric: 'neckTilt', op: '<', value: 0 },
							{ metric: 'shoulderTilt', op: '<', value: -6 }
						]
					}
				]
			},
			cue: 'Keep the shoulder down; bring the ear toward it, not the shoulder up.',
			priority: 2,
			penalty: 30
		},
		{
			id: 'head-turning',
			during: 'active',
			// Holds pause on a fault, so a fault must last 0.8 s: noise must not stall the timer.
			minSeconds: 0.8,
			// The nose a quarter of an ear width (≈ 3.5 cm) off the ear midpoint: a head turned
			// ≈ 15–20° (neck-rotation: 30° gives 0.45), past what a pure tilt shows.
			fault: { metric: 'headTurn', op: 'outside', value: [-0.25, 0.25] },
			cue: 'Keep your face forward as you tilt; don’t turn your head.',
			priority: 1,
			penalty: 20
		}
	]
});
