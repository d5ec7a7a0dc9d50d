/**
 * The metrics added for the rest of the catalog: wrist across the body (cross-body stretch),
 * shoulder width / torso (trunk and neck rotation) and hips ahead of the feet (standing
 * extension). Checked on noise-free stick-figure postures with known geometry, in both a plain
 * and a mirrored camera, and for the views where they must be null.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { crossbodyShrugLeft, lowerBackArchHipsForward } from '../sim/extra-postures';
import { computeMetrics, METRIC_UNIT, SCALE_HINT_TOLERANCE, type Metrics } from './body-metrics';
import { detectView } from './view';

/** Rendering and keypoint rounding leave at most this much error on a ratio or scale unit. */
const EPS = 0.01;

const metrics = (p: sim.Posture, cam: sim.CameraOptions = {}): Metrics => {
	const body = sim.renderPosture(p, sim.makeCamera(cam));
	if (!body) throw new Error('no body');
	return computeMetrics(body);
};

describe('wristAcrossLeft / wristAcrossRight (front view, scale units)', () => {
	it('is negative with the arms hanging at the sides, the same on both sides', () => {
		const m = metrics(sim.standingNeutral);
		expect(m.wristAcrossLeft!).toBeLessThan(-0.3);
		expect(m.wristAcrossRight!).toBeCloseTo(m.wristAcrossLeft!, 5);
	});

	it.each([false, true])(
		'is positive for the arm carried across the chest (mirrored %s)',
		(mirrored) => {
			const left = metrics(sim.crossbodyStretchLeft, { mirrored });
			expect(left.wristAcrossLeft!).toBeGreaterThan(0.3);
			expect(left.wristAcrossRight!).toBeLessThan(0);
			const right = metrics(sim.crossbodyStretchRight, { mirrored });
			expect(right.wristAcrossRight!).toBeCloseTo(left.wristAcrossLeft!, 5);
		}
	);

	it('does not depend on how far the camera is (scale units)', () => {
		const near = metrics(sim.crossbodyStretchLeft, { distanceM: 2 });
		const far = metrics(sim.crossbodyStretchLeft, { distanceM: 4 });
		expect(Math.abs(near.wristAcrossLeft! - far.wristAcrossLeft!)).toBeLessThan(EPS);
	});

	it('is null from the side', () => {
		const m = metrics(sim.crossbodyStretchLeft, { view: 'side' });
		expect(m.wristAcrossLeft).toBeNull();
		expect(m.wristAcrossRight).toBeNull();
	});

	it('is unchanged by a hiked shoulder', () => {
		const a = metrics(sim.crossbodyStretchLeft).wristAcrossLeft!;
		const b = metrics(crossbodyShrugLeft).wristAcrossLeft!;
		expect(Math.abs(a - b)).toBeLessThan(0.05);
	});
});

describe('shoulderWidthRatio (front view, ratio)', () => {
	const proportions = sim.DEFAULT_PROPORTIONS;
	const square = proportions.shoulderWidth / proportions.torso;

	it('is shoulder width over torso length when square to the camera', () => {
		expect(Math.abs(metrics(sim.standingNeutral).shoulderWidthRatio! - square)).toBeLessThan(EPS);
	});

	it.each([20, 30, 40])('shrinks with the cosine of a %d° chest turn', (deg) => {
		const m = metrics(sim.posture({ trunkRotation: deg }, sim.standingNeutral));
		expect(m.shoulderWidthRatio!).toBeCloseTo(square * Math.cos((deg * Math.PI) / 180), 2);
	});

	it('is null from the side, and past the turn where a front view ends', () => {
		expect(metrics(sim.standingNeutral, { view: 'side' }).shoulderWidthRatio).toBeNull();
		const body = sim.renderPosture(sim.posture({ trunkRotation: 60 }, sim.standingNeutral))!;
		// As the coach calls it a moment after the turn: the tracked view still says front.
		const reading = { ...detectView(body), view: 'front' as const };
		expect(computeMetrics(body, reading).shoulderWidthRatio).toBeNull();
	});
});

describe('hipForward (side view, scale units)', () => {
	it('is 0 standing straight and for an upper-back arch over still hips', () => {
		expect(Math.abs(metrics(sim.standingNeutral, { view: 'side' }).hipForward!)).toBeLessThan(EPS);
		expect(
			Math.abs(metrics(sim.upperBackExtensionStanding, { view: 'side' }).hipForward!)
		).toBeLessThan(EPS);
	});

	it.each(['side', 'side-right'] as const)(
		'is positive when the hips sway forward of the feet (%s)',
		(view) => {
			const m = metrics(lowerBackArchHipsForward, { view });
			// Legs slanting back 12°: the hip is leg length × sin 12° ahead of the ankle.
			const p = sim.DEFAULT_PROPORTIONS;
			const expected = ((p.thigh + p.shin) * Math.sin((12 * Math.PI) / 180)) / p.torso;
			expect(m.hipForward!).toBeCloseTo(expected, 1);
		}
	);

	it('is null from the front', () => {
		expect(metrics(lowerBackArchHipsForward).hipForward).toBeNull();
	});
});

it('every added metric has a unit', () => {
	expect(METRIC_UNIT.wristAcrossLeft).toBe('scale');
	expect(METRIC_UNIT.wristAcrossRight).toBe('scale');
	expect(METRIC_UNIT.shoulderWidthRatio).toBe('ratio');
	expect(METRIC_UNIT.hipForward).toBe('scale');
});

describe('girdleForward and headGirdleGap (scale units)', () => {
	it('girdleForward: the shoulder girdle moves back with a squeeze, like shoulderForward', () => {
		const side = { view: 'side' as const, distanceM: 1.6 };
		const rest = metrics(sim.standingNeutral, side);
		const squeeze = metrics(sim.scapularSqueeze, side);
		const d = squeeze.girdleForward! - rest.girdleForward!;
		expect(d).toBeLessThan(-0.08);
		expect(d).toBeGreaterThan(-0.16);
		expect(metrics(sim.standingNeutral).girdleForward).toBeNull(); // front view
	});

	it('headGirdleGap: a shrug closes it about as much as earShoulderGap', () => {
		const front = { view: 'front' as const, distanceM: 1.2, target: { y: 1.4 } };
		const rest = metrics(sim.standingNeutral, front);
		const shrug = metrics(sim.shrugUp, front);
		const d = shrug.headGirdleGap! - rest.headGirdleGap!;
		const ear = shrug.earShoulderGap! - rest.earShoulderGap!;
		expect(d).toBeLessThan(-0.08);
		expect(Math.abs(d - ear)).toBeLessThan(0.03);
		expect(METRIC_UNIT.headGirdleGap).toBe('scale');
		expect(metrics(sim.standingNeutral, { view: 'side' }).headGirdleGap).toBeNull();
	});
});

describe('computeMetrics scaleHint', () => {
	const body = sim.renderPosture(
		sim.standingNeutral,
		sim.makeCamera({ view: 'front', distanceM: 1.2, target: { y: 1.4 } })
	)!;
	const own = computeMetrics(body);

	it('divides distances by a hint within SCALE_HINT_TOLERANCE, keeping scalePx the frame’s', () => {
		const m = computeMetrics(body, detectView(body), own.scalePx! * 1.1);
		expect(m.earShoulderGap!).toBeCloseTo(own.earShoulderGap! / 1.1, 6);
		expect(m.scalePx).toBe(own.scalePx);
		// Angles do not depend on the scale.
		expect(m.armRaise).toBe(own.armRaise);
	});

	it('ignores a hint too far from the frame’s own scale', () => {
		const m = computeMetrics(
			body,
			detectView(body),
			own.scalePx! * (1 + SCALE_HINT_TOLERANCE + 0.1)
		);
		expect(m.earShoulderGap).toBe(own.earShoulderGap);
	});
});
