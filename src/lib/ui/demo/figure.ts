/**
 * Drawing a demo's stick figure on a canvas: the simulator's keypoints, fitted once to the
 * canvas over the whole motion (so the figure does not zoom as it moves), limbs on the far side
 * of the body drawn fainter (the simulator scores hidden keypoints lower, as a pose model does).
 */
import { KP, SKELETON, type Body, type KeypointName } from '$lib/pose/keypoints';
import * as sim from '$lib/sim';
import type { Demo } from '../demos';

/** Maps the camera's pixels to the canvas: scale, then offset (canvas px). */
export interface Fit {
	scale: number;
	dx: number;
	dy: number;
	/** The figure's lowest point on the canvas (its feet or seat), for the floor line. */
	floorY: number;
	/** Head radius, canvas px. */
	head: number;
}

/** Samples taken over the motion to find its extent. */
const FIT_SAMPLES = 48;
/** Space kept around the figure, as a fraction of the canvas. */
const MARGIN = 0.08;
/** Below this score a keypoint is behind the body (see sim/camera.ts OCCLUDED_SCORE_FACTOR). */
const FAR_SCORE = 0.6;
/** Head radius over shoulder-to-hip length: an adult's head is about 0.4 torso lengths tall. */
const HEAD_RATIO = 0.2;

export function demoCamera(demo: Demo): sim.Camera {
	return sim.makeCamera({ ...demo.camera, width: 640, height: 480 });
}

/** The body at `t` seconds into the loop. */
export function demoBody(demo: Demo, camera: sim.Camera, t: number): Body | null {
	const d = demo.motion.duration;
	const x = d > 0 ? ((t % d) + d) % d : 0;
	return sim.renderPosture(demo.motion.sample(x), camera);
}

function torso(b: Body): number {
	const p = (n: KeypointName) => b.keypoints[KP[n]];
	const ls = p('left_shoulder');
	const lh = p('left_hip');
	if (!ls || !lh) return 0;
	return Math.hypot(ls.x - lh.x, ls.y - lh.y);
}

/** One fit for the whole motion (and the still pose), into a `width` × `height` canvas. */
export function fitDemo(demo: Demo, camera: sim.Camera, width: number, height: number): Fit {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	let torsoPx = 0;
	const bodies = [sim.renderPosture(demo.still, camera)];
	for (let i = 0; i < FIT_SAMPLES; i++) {
		bodies.push(demoBody(demo, camera, (i / FIT_SAMPLES) * demo.motion.duration));
	}
	for (const b of bodies) {
		if (!b) continue;
		torsoPx = Math.max(torsoPx, torso(b));
		for (const k of b.keypoints) {
			if (!k || !Number.isFinite(k.x) || !Number.isFinite(k.y)) continue;
			x0 = Math.min(x0, k.x);
			x1 = Math.max(x1, k.x);
			y0 = Math.min(y0, k.y);
			y1 = Math.max(y1, k.y);
		}
	}
	if (!Number.isFinite(x0) || !Number.isFinite(y0)) {
		return { scale: 1, dx: 0, dy: 0, floorY: height, head: 8 };
	}
	const headPx = HEAD_RATIO * torsoPx;
	// Room for the head circle above the top keypoint (the eyes and ears).
	y0 -= headPx * 1.2;
	const w = Math.max(1, x1 - x0);
	const h = Math.max(1, y1 - y0);
	const scale = Math.min((width * (1 - 2 * MARGIN)) / w, (height * (1 - 2 * MARGIN)) / h);
	const dx = (width - w * scale) / 2 - x0 * scale;
	const dy = (height - h * scale) / 2 - y0 * scale;
	return { scale, dx, dy, floorY: y1 * scale + dy, head: headPx * scale };
}

export interface FigureColours {
	near: string;
	far: string;
	floor: string;
}

export function drawFigure(
	ctx: CanvasRenderingContext2D,
	body: Body | null,
	fit: Fit,
	colours: FigureColours,
	width: number,
	height: number
): void {
	ctx.clearRect(0, 0, width, height);
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	// The floor.
	ctx.strokeStyle = colours.floor;
	ctx.lineWidth = Math.max(1, width / 160);
	ctx.beginPath();
	ctx.moveTo(width * 0.08, fit.floorY + 2);
	ctx.lineTo(width * 0.92, fit.floorY + 2);
	ctx.stroke();
	if (!body) return;

	const at = (n: KeypointName) => {
		const k = body.keypoints[KP[n]];
		if (!k || !Number.isFinite(k.x) || !Number.isFinite(k.y)) return null;
		return { x: k.x * fit.scale + fit.dx, y: k.y * fit.scale + fit.dy, score: k.score };
	};
	const limb = Math.max(2, fit.head * 0.45);
	// Far limbs first, so the near ones draw over them.
	const bones = SKELETON.filter(([a, b]) => !a.includes('eye') && !b.includes('eye'))
		.filter(([a, b]) => !a.includes('ear') && !b.includes('ear') && a !== 'nose' && b !== 'nose')
		.map(([a, b]) => {
			const p = at(a);
			const q = at(b);
			const far = !p || !q || Math.min(p.score, q.score) < FAR_SCORE;
			return { p, q, far };
		})
		.sort((x, y) => Number(y.far) - Number(x.far));
	for (const { p, q, far } of bones) {
		if (!p || !q) continue;
		ctx.strokeStyle = far ? colours.far : colours.near;
		ctx.lineWidth = far ? limb * 0.8 : limb;
		ctx.beginPath();
		ctx.moveTo(p.x, p.y);
		ctx.lineTo(q.x, q.y);
		ctx.stroke();
	}
	// Neck and head: from the shoulders' midpoint to the head's centre (between eyes and ears).
	const ls = at('left_shoulder');
	const rs = at('right_shoulder');
	const headPts = (['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'] as const)
		.map(at)
		.filter((p) => p !== null);
	if (headPts.length === 0) return;
	const hx = headPts.reduce((a, p) => a + p.x, 0) / headPts.length;
	const hy = headPts.reduce((a, p) => a + p.y, 0) / headPts.length;
	if (ls && rs) {
		ctx.strokeStyle = colours.near;
		ctx.lineWidth = limb;
		ctx.beginPath();
		ctx.moveTo((ls.x + rs.x) / 2, (ls.y + rs.y) / 2);
		ctx.lineTo(hx, hy);
		ctx.stroke();
	}
	ctx.fillStyle = colours.near;
	ctx.beginPath();
	ctx.arc(hx, hy, fit.head, 0, Math.PI * 2);
	ctx.fill();
	// The nose shows which way the head points.
	const nose = at('nose');
	if (nose) {
		const dx = nose.x - hx;
		const dy = nose.y - hy;
		const len = Math.hypot(dx, dy);
		if (len > fit.head * 0.2) {
			ctx.beginPath();
			ctx.arc(
				hx + (dx / len) * fit.head,
				hy + (dy / len) * fit.head,
				fit.head * 0.3,
				0,
				Math.PI * 2
			);
			ctx.fill();
		}
	}
}
