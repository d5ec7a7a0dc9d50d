/**
 * 2D geometry on image points (pixels, origin top-left, y grows DOWN). Angles in degrees.
 * Every function returns NaN rather than throwing when an input is degenerate, so callers
 * can turn "cannot measure" into null in one place (see metrics/body-metrics.ts).
 */

export interface Point {
	x: number;
	y: number;
}

/** Degrees per radian. */
export const RAD_TO_DEG = 180 / Math.PI;

export function midpoint(a: Point, b: Point): Point {
	return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Math.sqrt rather than Math.hypot: pixel values cannot overflow, and hypot is several times
 * slower in V8 (this runs dozens of times per frame). */
/**
 * The midpoint of two points where both are seen, else the one that is (null when neither):
 * the centre of a pair of joints (shoulders, hips, ears) when one of them may be hidden.
 */
export function midOrEither(a: Point | null, b: Point | null): Point | null {
	return a && b ? midpoint(a, b) : (a ?? b);
}

export function distance(a: Point, b: Point): number {
	const dx = a.x - b.x;
	const dy = a.y - b.y;
	return Math.sqrt(dx * dx + dy * dy);
}

/** Interior angle ABC at vertex b, in degrees 0..180 (NaN if a or c coincides with b). */
export function jointAngle(a: Point, b: Point, c: Point): number {
	const v1x = a.x - b.x;
	const v1y = a.y - b.y;
	const v2x = c.x - b.x;
	const v2y = c.y - b.y;
	const n = Math.sqrt((v1x * v1x + v1y * v1y) * (v2x * v2x + v2y * v2y));
	if (n === 0) return NaN;
	const cos = Math.min(1, Math.max(-1, (v1x * v2x + v1y * v2y) / n));
	return Math.acos(cos) * RAD_TO_DEG;
}

/** Angle in degrees between two direction vectors (0..180). */
export function angleBetween(u: Point, v: Point): number {
	return jointAngle({ x: u.x, y: u.y }, { x: 0, y: 0 }, { x: v.x, y: v.y });
}

/**
 * Signed angle of the segment from → to away from straight UP, in degrees (-180..180).
 * Positive when `to` lies to the image right of `from`. Example: hip → shoulder of an
 * upright person is ~0; leaning to the image right gives a positive angle.
 */
export function tiltFromVertical(from: Point, to: Point): number {
	const dx = to.x - from.x;
	const dy = from.y - to.y; // up is positive
	if (dx === 0 && dy === 0) return NaN;
	return Math.atan2(dx, dy) * RAD_TO_DEG;
}

/**
 * Signed angle of the line a → b from horizontal, in degrees (-90..90), positive when b is
 * HIGHER in the image than a. Direction-agnostic: a line is the same whichever way drawn.
 */
export function tiltFromHorizontal(a: Point, b: Point): number {
	let dx = b.x - a.x;
	let dy = a.y - b.y; // up is positive
	if (dx === 0 && dy === 0) return NaN;
	if (dx < 0) {
		dx = -dx;
		dy = -dy;
	}
	return Math.atan2(dy, dx) * RAD_TO_DEG;
}

/** Clamp to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, v));
}

/** Median of finite values (NaN for none): robust baselines against single-frame outliers. */
export function median(values: readonly number[]): number {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (v.length === 0) return NaN;
	const m = v.length >> 1;
	return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
