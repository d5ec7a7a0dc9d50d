/**
 * Setup guidance on rendered stick-figure poses: the wrong-view prompt of a side-on move names
 * the shoulder to turn toward the camera (the way the person is already turning, the side being
 * worked when given, left when nothing says otherwise); the other checks keep their order.
 */
import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises';
import { detectView } from '../metrics/view';
import * as sim from '../sim';
import * as floor from '../sim/floor-postures';
import { checkSetup, sideViewMessage, turningSide } from './setup-check';

const sideMove = getExercise('thoracic-extension-seated')!;
const frontMove = getExercise('neck-side-tilt')!;
/** Desk framing (head to waist, 1.2 m): the way people set up for these moves. */
const DESK = { distanceM: 1.2, target: { y: 1.4 } } as const;

function look(yawDeg: number, mirrored = false) {
	const body = sim.renderPosture(
		sim.standingNeutral,
		sim.makeCamera({ ...DESK, view: yawDeg, mirrored })
	);
	if (!body) throw new Error('no body rendered');
	return { body, view: detectView(body).view };
}

describe('checkSetup wrong-view prompt', () => {
	it('asks a person facing the camera squarely to turn their left shoulder to it', () => {
		const { body, view } = look(0);
		expect(view).toBe('front');
		const issue = checkSetup(sideMove, body, view, null);
		expect(issue).toEqual({
			id: 'wrong-view',
			message: sideViewMessage('left'),
			blocking: true
		});
		expect(issue?.message).toMatch(/^Turn sideways, left shoulder to the camera/);
	});

	// Positive yaw turns the person's left side toward the camera (sim/camera.ts).
	it.each([
		{ yaw: 30, mirrored: false, side: 'left' },
		{ yaw: -30, mirrored: false, side: 'right' },
		{ yaw: 30, mirrored: true, side: 'left' },
		{ yaw: -30, mirrored: true, side: 'right' },
		{ yaw: 45, mirrored: false, side: 'left' },
		{ yaw: -45, mirrored: true, side: 'right' }
	] as const)(
		'names the shoulder already turning toward the camera (yaw $yaw°, mirrored $mirrored)',
		({ yaw, mirrored, side }) => {
			const { body, view } = look(yaw, mirrored);
			expect(view).not.toBe('side');
			expect(turningSide(body)).toBe(side);
			expect(checkSetup(sideMove, body, view, null)?.message).toBe(sideViewMessage(side));
		}
	);

	it('reads no turn from a square-on front view', () => {
		expect(turningSide(look(0).body)).toBeNull();
		expect(turningSide(look(0, true).body)).toBeNull();
	});

	it('names the side being worked when the caller gives it', () => {
		const { body, view } = look(-30);
		expect(checkSetup(sideMove, body, view, null, { side: 'left' })?.message).toBe(
			sideViewMessage('left')
		);
	});

	it('passes the right view and keeps the front-view prompt unchanged', () => {
		const side = look(90);
		expect(side.view).toBe('side');
		expect(checkSetup(sideMove, side.body, side.view, null)).toBeNull();
		const issue = checkSetup(frontMove, side.body, side.view, null);
		expect(issue?.id).toBe('wrong-view');
		expect(issue?.message).toBe('Please face the camera, shoulders square to the screen.');
		const front = look(0);
		expect(checkSetup(frontMove, front.body, front.view, null)).toBeNull();
	});

	it('reports a missing person before the view', () => {
		expect(checkSetup(sideMove, null, 'unknown', null)?.id).toBe('no-person');
	});
});

describe('checkSetup for a floor move', () => {
	const floorMove = getExercise('prone-arm-raise')!;
	/** A laptop on the floor 3 m away, side-on, tilted up enough to see a standing person whole. */
	const FLOOR_WIDE = { view: 'side' as const, distanceM: 3.5, target: { y: 0.9 } };
	const render = (p: sim.Posture) => {
		const body = sim.renderPosture(p, sim.makeCamera(FLOOR_WIDE));
		if (!body) throw new Error('no body rendered');
		return body;
	};

	it('asks a person still standing to get down on the floor', () => {
		const body = render(sim.standingNeutral);
		const issue = checkSetup(floorMove, body, detectView(body).view, null);
		expect(issue?.id).toBe('not-on-floor');
		expect(issue?.blocking).toBe(true);
		expect(issue?.message).toMatch(/on the floor/);
	});

	it('says nothing of it to a person lying on the floor', () => {
		const body = render(floor.proneArmsOut);
		expect(checkSetup(floorMove, body, detectView(body, 0.8, true).view, null)?.id).not.toBe(
			'not-on-floor'
		);
	});

	it('never asks it of a move done standing', () => {
		const body = render(sim.standingNeutral);
		expect(checkSetup(frontMove, body, detectView(body).view, null)?.id).not.toBe('not-on-floor');
	});
});
