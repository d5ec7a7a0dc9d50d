/**
 * Drawing a demo's stick figure on a canvas, straight from the simulator's 3D skeleton: joints
 * projected by the demo's camera, the skull drawn as the circle the simulator models, and the
 * limbs of the side turned away from the camera drawn fainter and first (a side view shows
 * which arm is in front). The figure is fitted once over the whole motion, to the part the
 * demo's camera frames (a desk camera shows the upper body), so it never zooms as it moves.
 */
import type { KeypointName } from '$lib/pose/keypoints';
import * as sim from '$lib/sim';
import type { Demo } from '$lib/sim/demos';

export interface Point {
	x: number;
	y: number;
}

/** One frame of the figure, in camera pixels. */
export interface FigureFrame {
	joints: Record<KeypointName, Point>;
	neck: Point;
	head: Point & { r: number };
	/** The side turned away from the camera (side views), drawn behind; null facing it. */
	farSide: 'left' | 'right' | null;
}

/** Maps camera pixels to the canvas: scale, then offset (canvas px). */
export interface Fit {
	scale: number;
	dx: number;
	dy: number;
	/** The floor line (the lowest ankle, canvas px), or null when the feet are out of the frame. */
	floorY: number | null;
}

/** Samples taken over the motion to find its extent. */
const FIT_SAMPLES = 48;
/** Space kept around the figure, as a fraction of the canvas. */
const MARGIN = 0.08;
/** Shoulders this much nearer the camera than the other (m) put the other side behind. */
const FAR_SIDE_METRES = 0.05;

const SIDES = ['left', 'right'] as const;
const LIMBS: ReadonlyArray<readonly [string, string]> = [
	['shoulder', 'elbow'],
	['elbow', 'wrist'],
	['hip', 'knee'],
	['knee', 'ankle']
];

/**
 * Degrees a side view is turned back toward the front for drawing. Seen exactly side-on a stick
 * figure's arms hang on its trunk line and both shoulders coincide; 20° off keeps the view
 * plainly "from the side" while the near and far limbs and the chest's width stay readable.
 */
const SIDE_VIEW_TURN_DEG = 20;

export function demoCamera(demo: Demo): sim.Camera {
	const yaw = sim.viewToYaw(demo.camera.view ?? 'front');
	const view = Math.abs(yaw) === 90 ? yaw - Math.sign(yaw) * SIDE_VIEW_TURN_DEG : yaw;
	return sim.makeCamera({ ...demo.camera, view, width: 640, height: 480 });
}

/** The figure for a posture. */
export function figureFrame(p: sim.Posture, camera: sim.Camera): FigureFrame {
	const skel = sim.computeSkeleton(p);
	const joints = {} as Record<KeypointName, Point>;
	const depth = {} as Record<KeypointName, number>;
	for (const [name, v] of Object.entries(skel.joints) as Array<[KeypointName, sim.Vec3]>) {
		const q = sim.projectPoint(v, camera);
		joints[name] = { x: q.x, y: q.y };
		depth[name] = q.depth;
	}
	const head = sim.projectPoint(skel.headCentre, camera);
	const neck = sim.projectPoint(skel.neckBase, camera);
	const lead = depth.left_shoulder - depth.right_shoulder;
	return {
		joints,
		neck: { x: neck.x, y: neck.y },
		head: { x: head.x, y: head.y, r: skel.headRadius * camera.pxPerMetre },
		farSide: Math.abs(lead) < FAR_SIDE_METRES ? null : lead > 0 ? 'right' : 'left'
	};
}

/** The figure `t` seconds into the looping motion. */
export function demoFrame(demo: Demo, camera: sim.Camera, t: number): FigureFrame {
	const d = demo.motion.duration;
	const x = d > 0 ? ((t % d) + d) % d : 0;
	return figureFrame(demo.motion.sample(x), camera);
}

/** One fit for the whole motion (and the still pose), into a `width` × `height` canvas. */
export function fitDemo(demo: Demo, camera: sim.Camera, width: number, height: number): Fit {
	const frames = [figureFrame(demo.still, camera)];
	for (let i = 0; i < FIT_SAMPLES; i++) {
		frames.push(demoFrame(demo, camera, (i / FIT_SAMPLES) * demo.motion.duration));
	}
	const inFrame = (p: Point) => p.x >= 0 && p.x <= camera.width && p.y >= 0 && p.y <= camera.height;
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	let feet = -Infinity;
	let feetSeen = true;
	const take = (x: number, y: number) => {
		x0 = Math.min(x0, x);
		x1 = Math.max(x1, x);
		y0 = Math.min(y0, y);
		y1 = Math.max(y1, y);
	};
	for (const f of frames) {
		for (const p of Object.values(f.joints)) if (inFrame(p)) take(p.x, p.y);
		if (inFrame(f.head)) {
			take(f.head.x - f.head.r, f.head.y - f.head.r);
			take(f.head.x + f.head.r, f.head.y + f.head.r);
		}
		for (const s of SIDES) {
			const a = f.joints[`${s}_ankle`];
			feetSeen &&= inFrame(a);
			feet = Math.max(feet, a.y);
		}
	}
	if (!Number.isFinite(x0) || !Number.isFinite(y0)) return { scale: 1, dx: 0, dy: 0, floorY: null };
	const w = Math.max(1, x1 - x0);
	const h = Math.max(1, y1 - y0);
	const scale = Math.min((width * (1 - 2 * MARGIN)) / w, (height * (1 - 2 * MARGIN)) / h);
	const dx = (width - w * scale) / 2 - x0 * scale;
	const dy = (height - h * scale) / 2 - y0 * scale;
	return { scale, dx, dy, floorY: feetSeen ? feet * scale + dy : null };
}

export interface FigureColours {
	near: string;
	far: string;
	floor: string;
	/** Fill of the trunk. */
	trunk: string;
}

export function drawFigure(
	ctx: CanvasRenderingContext2D,
	f: FigureFrame,
	fit: Fit,
	colours: FigureColours,
	width: number,
	height: number
): void {
	ctx.clearRect(0, 0, width, height);
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	const at = (p: Point): Point => ({ x: p.x * fit.scale + fit.dx, y: p.y * fit.scale + fit.dy });
	const r = f.head.r * fit.scale;
	const limb = Math.max(2, r * 0.34);
	const line = (a: Point, b: Point, colour: string, w = limb) => {
		const p = at(a);
		const q = at(b);
		ctx.strokeStyle = colour;
		ctx.lineWidth = w;
		ctx.beginPath();
		ctx.moveTo(p.x, p.y);
		ctx.lineTo(q.x, q.y);
		ctx.stroke();
	};

	if (fit.floorY !== null) {
		ctx.strokeStyle = colours.floor;
		ctx.lineWidth = Math.max(1, width / 160);
		ctx.beginPath();
		ctx.moveTo(width * 0.08, fit.floorY + limb);
		ctx.lineTo(width * 0.92, fit.floorY + limb);
		ctx.stroke();
	}

	const j = f.joints;
	const limbs = (side: 'left' | 'right', colour: string) => {
		for (const [a, b] of LIMBS) {
			line(j[`${side}_${a}` as KeypointName], j[`${side}_${b}` as KeypointName], colour);
		}
	};
	// The far side first, so the near side draws over it.
	if (f.farSide) limbs(f.farSide, colours.far);
	// Trunk: a filled quadrilateral between shoulders and hips, thinly outlined, so the arms in
	// front of it stay distinct; then the neck up to the skull.
	const trunk = [j.left_shoulder, j.right_shoulder, j.right_hip, j.left_hip].map(at);
	ctx.beginPath();
	trunk.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
	ctx.closePath();
	ctx.fillStyle = colours.trunk;
	ctx.fill();
	ctx.strokeStyle = colours.near;
	ctx.lineWidth = Math.max(1.5, limb * 0.45);
	ctx.stroke();
	line(f.neck, f.head, colours.near);
	for (const s of SIDES) if (s !== f.farSide) limbs(s, colours.near);

	const c = at(f.head);
	ctx.fillStyle = colours.near;
	ctx.beginPath();
	ctx.arc(c.x, c.y, r, 0, Math.PI * 2);
	ctx.fill();
	// The nose shows which way the head points (side views, turns and nods).
	const n = at(j.nose);
	const dx = n.x - c.x;
	const dy = n.y - c.y;
	const len = Math.hypot(dx, dy);
	if (len > r * 0.35) {
		ctx.beginPath();
		ctx.arc(c.x + (dx / len) * r, c.y + (dy / len) * r, r * 0.32, 0, Math.PI * 2);
		ctx.fill();
	}
}
