/**
 * Every camera-checked move has a demo, and each demo is a performance the real Coach accepts
 * from the demo's own camera: the reps count, the hold position is timed (both sides for
 * per-side holds), and the camera view is never the wrong one. So the figure on the page shows
 * the move the coach will look for, from where the coach needs to see it.
 */
import { describe, expect, it } from 'vitest';
import { Coach } from '$lib/engine/coach';
import type { Side } from '$lib/engine/types';
import { EXERCISES, getExercise } from '$lib/exercises';
import * as sim from '$lib/sim';
import { DEMO_IDS, demoFor } from './demos';

const checked = EXERCISES.filter((e) => e.cameraChecked);

describe('demos', () => {
	it('exist for exactly the camera-checked moves', () => {
		expect([...DEMO_IDS].sort()).toEqual(checked.map((e) => e.id).sort());
		for (const e of EXERCISES.filter((x) => !x.cameraChecked)) expect(demoFor(e)).toBeNull();
	});

	it.each(checked.map((e) => [e.id, e] as const))(
		'%s: seen from the view it needs, and accepted by the Coach',
		(_, def) => {
			const demo = demoFor(def)!;
			const yaw = sim.viewToYaw(demo.camera.view ?? 'front');
			if (def.view === 'front') expect(yaw).toBe(0);
			if (def.view === 'side') expect(Math.abs(yaw)).toBe(90);
			expect(demo.caption).toBe(yaw === 0 ? 'Seen from the front' : 'Seen from the side');
			// The loop is seamless: it ends where it starts.
			expect(demo.motion.sample(demo.motion.duration)).toEqual(demo.motion.sample(0));
			// The still pose is drawn whole.
			expect(sim.renderPosture(demo.still, sim.makeCamera(demo.camera))).not.toBeNull();

			const loops = 3;
			const timeline = sim.sequence(
				sim.idle(2, { posture: demo.motion.sample(0), sway: 0.3 }),
				...Array.from({ length: loops }, () => demo.motion)
			);
			const coach = new Coach(def);
			let maxHold = 0;
			const sides = new Set<Side>();
			const setups = new Set<string>();
			for (const f of sim.generateFrames({ timeline, camera: demo.camera, noise: 'light' })) {
				const s = coach.process(f);
				maxHold = Math.max(maxHold, s.holdSeconds);
				if (s.side && s.holdSeconds > 0) sides.add(s.side);
				if (s.setup) setups.add(s.setup.id);
			}
			expect(setups.has('wrong-view')).toBe(false);
			if (def.kind === 'rep') {
				expect(coach.state.reps).toBeGreaterThanOrEqual(loops);
			} else {
				expect(maxHold).toBeGreaterThanOrEqual(1.5);
				if (def.kind === 'side-hold') expect([...sides].sort()).toEqual(['left', 'right']);
			}
		}
	);

	it('are built once per id', () => {
		const def = getExercise('wall-angels')!;
		expect(demoFor(def)).toBe(demoFor(def));
	});
});
