/**
 * Draws a body on the overlay canvas: bones between confident keypoints, dots coloured by the
 * model's confidence. The canvas has the video's pixel size, so keypoints (in video pixels)
 * need no scaling; CSS scales both together and mirrors both together.
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

	// Line widths in video pixels, scaled so they look the same on a 480p or 720p frame.
	const unit = Math.max(1.5, Math.min(canvas.width, canvas.height) / 160);
	const ok = (i: number) => {
		const k = body.keypoints[i];
		return k && Number.isFinite(k.x) && Number.isFinite(k.y) && k.score >= MIN_KEYPOINT_SCORE
			? k
			: null;
	};

	ctx.lineCap = 'round';
	ctx.lineWidth = unit * 1.6;
	ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
	ctx.shadowColor = 'rgba(0, 0, 0, 0.6)';
	ctx.shadowBlur = unit * 2;
	ctx.beginPath();
	for (const [a, b] of SKELETON) {
		const p = ok(KP[a]);
		const q = ok(KP[b]);
		if (!p || !q) continue;
		ctx.moveTo(p.x, p.y);
		ctx.lineTo(q.x, q.y);
	}
	ctx.stroke();
	ctx.shadowBlur = 0;

	let drawn = 0;
	for (let i = 0; i < body.keypoints.length; i++) {
		const k = ok(i);
		if (!k) continue;
		const colour = confidenceColour(k.score);
		if (!colour) continue;
		ctx.beginPath();
		ctx.arc(k.x, k.y, unit * 2.4, 0, Math.PI * 2);
		ctx.fillStyle = colour;
		ctx.fill();
		ctx.lineWidth = unit * 0.8;
		ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
		ctx.stroke();
		drawn++;
	}
	return drawn;
}
