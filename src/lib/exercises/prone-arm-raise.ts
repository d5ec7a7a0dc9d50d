import { defineExercise } from '../engine/define';

/**
 * Prone arm raise, side view (laptop on the floor), reps with a hold at the top: lying face down,
 * arms out to the sides, both arms lift a few centimetres off the floor and hold two seconds.
 *
 * Side-on, an arm out to the side points at (or away from) the camera, so its length is lost,
 * but its height is not: the wrist rises above the shoulder joint as the arm lifts. Rep signal:
 * the lower wrist's height above its shoulder (`wristHeightMin`, torso lengths), as a change
 * from the person's own resting arms (`…Delta`): resting on the floor the wrist sits below the
 * shoulder by the chest's depth (≈ 0.2 torso lengths), which differs from person to person.
 * The lift is "a few centimetres": 6 cm over a ≈ 50 cm trunk is 0.12 (enter), back within 3 cm
 * of the floor is 0.06 (exit); a wrist keypoint's smoothed wander is ≈ 0.02, and with 0.04 a
 * wandering wrist kept one generated person in two reps at once. A stiff shoulder's
 * own lift must still reach 0.08 (4 cm). The top is held 2 s; like the prone back extension the
 * rest is learned from the swing of the reps (`restFromReps`), as the top is held still.
 *
 * Only the arms lift: the chest stays down. A rep whose trunk line rises more than 6° off the
 * person's own lying position (the chest ≈ 5 cm up) is a back extension, not this move, and does
 * not count (the shape), and the form rule says so. Lying flat means the trunk line within 20°
 * of level (`trunkRise`), which also keeps any standing or seated arm raise out. The arms are out
 * to the sides: side-on the wrists then sit over the shoulders along the body (`wristAlongTrunk`
 * within ±0.35 torso lengths; hands at the head, as in a prone back extension with the hands
 * behind the head, read ≈ 0.65–0.75 on a real clip) and near their height (`wristHeightMin`
 * above −0.6; on hands and knees, as in cat-cow, the wrists are an arm's length below, ≈ −1.1).
 */
export const proneArmRaise = defineExercise({
	id: 'prone-arm-raise',
	name: 'Prone arm raise',
	kind: 'rep',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 2,
		reps: 10,
		holdSeconds: 2,
		note: 'Sources: 2–3 sets of 10–15, each lift held 2 s. We suggest 2 sets of 10.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Lie face down on a mat, forehead on a folded towel, arms out to the sides with the thumbs pointing up.',
		'Squeeze your shoulder blades and lift both arms a few centimetres off the floor; hold for two seconds.',
		'Lower slowly: that is one rep.'
	],
	baseline: ['wristHeightMin', 'trunkRise'],
	rep: {
		metric: 'wristHeightMinDelta',
		direction: 'up',
		enter: 0.12,
		exit: 0.06,
		stiffEnter: 0.08,
		minSeconds: 2,
		holdSeconds: 2,
		holdCue: 'Hold the arms up for two seconds before you lower them.',
		smoothSeconds: 0.15,
		restFromReps: true,
		shape: {
			during: {
				all: [
					{ metric: 'trunkRise', op: 'between', value: [-20, 20] },
					{ metric: 'trunkRiseDelta', op: '<', value: 6 },
					{ metric: 'wristAlongTrunk', op: 'between', value: [-0.35, 0.35] },
					{ metric: 'wristHeightMin', op: '>', value: -0.6 }
				]
			},
			cue: 'Lie flat with your arms out to the sides, and lift only your arms.'
		}
	},
	rules: [
		{
			id: 'chest-up',
			during: 'active',
			// The trunk line 6° above the person's own lying position: the chest is ≈ 5 cm up, the
			// low back is lifting the arms instead of the shoulder blades.
			fault: { metric: 'trunkRiseDelta', op: '>', value: 6 },
			cue: 'Keep your chest on the floor; lift from your shoulder blades.',
			priority: 2,
			minSeconds: 0.4,
			penalty: 25
		},
		{
			id: 'neck-cranked',
			during: 'active',
			// As in the prone back extension: the head more than 30° above the trunk line.
			fault: { metric: 'headLift', op: '>', value: 30 },
			cue: 'Keep your forehead down and your neck long.',
			priority: 1,
			minSeconds: 0.4,
			penalty: 15
		}
	]
});
