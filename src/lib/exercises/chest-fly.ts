import { defineExercise } from '../engine/define';

/**
 * Chest fly on an exercise ball, side view (laptop on the floor), reps: the upper back on the
 * ball, hips lifted level with the knees, the arms open wide and close over the chest.
 *
 * The arms move in the body's cross-section, which a side camera sees edge-on: their width is
 * lost but their height is not. Open wide, the hands sit at or a little below the shoulders;
 * together over the chest they are an arm's length above them. Rep signal: the lower wrist's
 * height above its shoulder (`wristHeightMin`, torso lengths; open ≈ −0.2–0, closed ≈ 1.0–1.1
 * with a soft elbow). A rep counts when both hands pass 0.95 above the shoulders (the arms ≈ 55°
 * above level or more, most of the way to meeting over the chest) and come back under 0.35: a
 * wide, honest arc. With 0.7 a fly stopped at 60 % of the arc (the arms ≈ 47° up, ≈ 0.8 as the
 * height grows with the sine) counted as a full one on generated traces. Lying on the ball means the trunk line within
 * 40° of level (`trunkRise`): standing or seated arm raises (trunk upright, ≈ 90°) never count.
 * What a side camera cannot see: how wide the arms open (the width is toward the camera), so a
 * press straight up from the chest counts as a fly; the instructions say how to move.
 *
 * Form: the hips stay up, level with the knees (trunk line ≈ 0–15° up toward the shoulders on
 * the ball). When the hips sag toward the floor the trunk line rises past 25° (the hips ≈ 20 cm
 * low) and the cue says so.
 */
export const chestFly = defineExercise({
	id: 'chest-fly',
	name: 'Chest fly on a ball',
	kind: 'rep',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: [
		'left_shoulder',
		'right_shoulder',
		'left_hip',
		'right_hip',
		'left_wrist',
		'right_wrist'
	],
	dose: {
		sets: 2,
		reps: 10,
		note: 'Sources: 2–3 sets of 10–12. We suggest 2 sets of 10.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Lie with your upper back on an exercise ball, feet flat, hips level with your knees, a light weight in each hand.',
		'Open your arms wide to the sides with the elbows slightly bent.',
		'Bring the weights together over your chest in a wide arc, then lower them slowly back out: that is one rep.'
	],
	rep: {
		metric: 'wristHeightMin',
		direction: 'up',
		enter: 0.95,
		exit: 0.35,
		minSeconds: 1.5,
		smoothSeconds: 0.1,
		shape: {
			// Lying back on the ball: the trunk line within 40° of level toward the shoulders and
			// 20° toward the hips (the head a little low over the ball); upright it is ≈ 90°.
			during: { metric: 'trunkRise', op: 'between', value: [-20, 40] },
			cue: 'Lie back with your upper back on the ball, then open and close your arms.'
		}
	},
	rules: [
		{
			id: 'hips-low',
			during: 'always',
			// The trunk line 25° above level (deg): the hips have sagged ≈ 20 cm below the knees.
			fault: { metric: 'trunkRise', op: '>', value: 25 },
			cue: 'Lift your hips level with your knees.',
			priority: 2,
			minSeconds: 1,
			penalty: 25
		}
	]
});
