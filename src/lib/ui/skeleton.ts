/**
 * A body drawn over the picture: bones between confident keypoints, dots coloured by the
 * model's confidence. The overlay (an SVG in the workout, a canvas in work mode) has the video's
 * pixel size as its coordinates, so keypoints (in video pixels) need no scaling; CSS scales and
 * mirrors picture and overlay together.
 */
import { KP, MIN_KEYPOINT_SCORE, SKELETON, type Body } from '$lib/pose/keypoints';

/** Confidence bands for the dot colours; the low band is the engine's "not seen" threshold. */
export const CONFIDENCE_COLOURS = [
	{ min: 0.7, colour: '#22c55e', label: 'sure' },
	{ min: 0.5, colour: '#eab308', label: 'fair' },
	{ min: MIN_KEYPOINT_SCORE, colour: '#f97316', label: 'unsure' }
] as const;

export function confidenceColour(score: number): string | null {
	for (const band of CONFIDENCE_COLOURS) if (score >= band.min) return band.colour;
	return null;
}

/** Keypoints that would be drawn (finite and at least MIN_KEYPOINT_SCORE). */
export function visibleKeypointCount(body: Body | null): number {
	if (!body) return 0;
	let n = 0;
	for (const k of body.keypoints) {
		if (k && Number.isFinite(k.x) && Number.isFinite(k.y) && k.score >= MIN_KEYPOINT_SCORE) n++;
	}
	return n;
}

export interface Bone {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface Dot {
	x: number;
	y: number;
	colour: string;
}

/** What to draw for a body, in the frame's pixels: the canvas and the SVG overlay share it. */
export interface SkeletonShapes {
	/** Line-width unit, px: scaled so the figure looks the same on a 480p or a 720p frame. */
	unit: number;
	bones: Bone[];
	dots: Dot[];
}

/** Bones between confident keypoints and a dot per confident keypoint, coloured by score. */
export function skeletonShapes(body: Body, width: number, height: number): SkeletonShapes {
	const unit = Math.max(1.5, Math.min(width, height) / 160);
	const ok = (i: number) => {
		const k = body.keypoints[i];
		return k && Number.isFinite(k.x) && Number.isFinite(k.y) && k.score >= MIN_KEYPOINT_SCORE
			? k
			: null;
	};
	const bones: Bone[] = [];
	for (const [a, b] of SKELETON) {
		const p = ok(KP[a]);
		const q = ok(KP[b]);
		if (p && q) bones.push({ x1: p.x, y1: p.y, x2: q.x, y2: q.y });
	}
	const dots: Dot[] = [];
	for (let i = 0; i < body.keypoints.length; i++) {
		const k = ok(i);
		const colour = k && confidenceColour(k.score);
		if (k && colour) dots.push({ x: k.x, y: k.y, colour });
	}
	return { unit, bones, dots };
}

/** Coordinates in SVG path data: 0.1 px is finer than any screen shows. */
const num = (v: number) => String(Math.round(v * 10) / 10);

/** All bones as one SVG path (`M x1 y1 L x2 y2 …`). */
export function bonesPath(bones: readonly Bone[]): string {
	return bones.map((b) => `M${num(b.x1)} ${num(b.y1)}L${num(b.x2)} ${num(b.y2)}`).join('');
}

/**
 * The dots as one SVG path per colour (each dot two half-circle arcs of radius `r`), in
 * CONFIDENCE_COLOURS order: a handful of attributes to update per frame instead of one element
 * per keypoint.
 */
export function dotPaths(dots: readonly Dot[], r: number): Array<{ colour: string; d: string }> {
	const rr = num(r);
	const dd = num(2 * r);
	return CONFIDENCE_COLOURS.map(({ colour }) => ({
		colour,
		d: dots
			.filter((d) => d.colour === colour)
			.map(
				(d) => `M${num(d.x - r)} ${num(d.y)}a${rr} ${rr} 0 1 0 ${dd} 0a${rr} ${rr} 0 1 0 -${dd} 0`
			)
			.join('')
	}));
}

/** Clears the canvas and draws `body`; returns the number of keypoints drawn. */
export function drawSkeleton(canvas: HTMLCanvasElement, body: Body | null): number {
	const ctx = canvas.getContext('2d');
	if (!ctx) return 0;
	if (body && body.width > 0 && body.height > 0) {
		if (canvas.width !== body.width) canvas.width = body.width;
		if (canvas.height !== body.height) canvas.height = body.height;
	}
	ctx.clearRect(0, 0, canvas.width, canvas.height);
	if (!body) return 0;
	const { unit, bones, dots } = skeletonShapes(body, canvas.width, canvas.height);

	ctx.lineCap = 'round';
	ctx.beginPath();
	for (const b of bones) {
		ctx.moveTo(b.x1, b.y1);
		ctx.lineTo(b.x2, b.y2);
	}
	// A dark band under the white bones keeps them visible on a light background. Not a canvas
	// shadow: `shadowBlur` is a Gaussian blur drawn on the page's main thread every frame.
	ctx.lineWidth = unit * 2.8;
	ctx.strokeStyle = HALO;
	ctx.stroke();
	ctx.lineWidth = unit * 1.6;
	ctx.strokeStyle = BONE;
	ctx.stroke();

	for (const d of dots) {
		ctx.beginPath();
		ctx.arc(d.x, d.y, unit * 2.4, 0, Math.PI * 2);
		ctx.fillStyle = d.colour;
		ctx.fill();
		ctx.lineWidth = unit * 0.8;
		ctx.strokeStyle = DOT_EDGE;
		ctx.stroke();
	}
	return dots.length;
}

/** Colours shared by the canvas and the SVG overlay. */
export const BONE = 'rgba(255, 255, 255, 0.85)';
export const HALO = 'rgba(0, 0, 0, 0.35)';
export const DOT_EDGE = 'rgba(0, 0, 0, 0.55)';
