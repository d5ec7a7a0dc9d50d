/**
 * The demo figure's geometry (no canvas needed): every demo fits its canvas with finite numbers
 * over the whole loop, side views put the side away from the camera behind, and desk framings
 * show the upper body (no floor line) while full-body framings stand on a floor.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '$lib/exercises';
import * as sim from '$lib/sim';
import { demoFor } from '$lib/sim/demos';
import { demoCamera, demoFrame, figureFrame, fitDemo } from './figure';

const SIZE = 360;
const demos = EXERCISES.filter((e) => e.cameraChecked).map((e) => [e.id, demoFor(e)!] as const);

describe('demo figure', () => {
	it.each(demos)('%s fits the canvas for its whole loop', (_, demo) => {
		const cam = demoCamera(demo);
		const fit = fitDemo(demo, cam, SIZE, SIZE);
		expect([fit.scale, fit.dx, fit.dy].every(Number.isFinite)).toBe(true);
		expect(fit.scale).toBeGreaterThan(0);
		for (let i = 0; i <= 40; i++) {
			const f = demoFrame(demo, cam, (i / 40) * demo.motion.duration);
			// The head and the shoulders (always framed) stay on the canvas.
			for (const p of [f.head, f.joints.left_shoulder, f.joints.right_shoulder]) {
				const x = p.x * fit.scale + fit.dx;
				const y = p.y * fit.scale + fit.dy;
				expect(x).toBeGreaterThanOrEqual(-1);
				expect(x).toBeLessThanOrEqual(SIZE + 1);
				expect(y).toBeGreaterThanOrEqual(-1);
				expect(y).toBeLessThanOrEqual(SIZE + 1);
			}
			expect(Number.isFinite(f.head.r) && f.head.r > 0).toBe(true);
		}
	});

	it('puts the side turned away from the camera behind', () => {
		const p = sim.standingNeutral;
		expect(figureFrame(p, sim.makeCamera({ view: 'front' })).farSide).toBeNull();
		// view 'side': the person's left side toward the camera, so the right is behind.
		expect(figureFrame(p, sim.makeCamera({ view: 'side' })).farSide).toBe('right');
		expect(figureFrame(p, sim.makeCamera({ view: 'side-right' })).farSide).toBe('left');
	});

	it('shows desk framings from the waist up and full framings on the floor', () => {
		const fit = (id: string) => {
			const d = demos.find(([i]) => i === id)![1];
			return fitDemo(d, demoCamera(d), SIZE, SIZE);
		};
		expect(fit('shoulder-shrug').floorY).toBeNull();
		expect(fit('wall-angels').floorY).not.toBeNull();
		expect(fit('thoracic-extension-floor').floorY).not.toBeNull();
	});
});
