/**
 * Minimal 3D vectors and rotations for the stick-figure model. Kept inside `sim/` so the
 * simulator has no dependency on the app's 2D geometry helpers.
 *
 * Rotations follow the right-hand rule in the body frame (x = person's left, y = up,
 * z = forward; x × y = z). Angles are in degrees at the API, radians inside.
 */

export interface Vec3 {
	readonly x: number;
	readonly y: number;
	readonly z: number;
}

/** A 3×3 rotation matrix, row-major: `m[r * 3 + c]`. */
export type Mat3 = readonly [
	number,
	number,
	number,
	number,
	number,
	number,
	number,
	number,
	number
];

export const DEG = Math.PI / 180;

export const v3 = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
export const ZERO: Vec3 = v3(0, 0, 0);
export const add = (a: Vec3, b: Vec3): Vec3 => v3(a.x + b.x, a.y + b.y, a.z + b.z);
export const sub = (a: Vec3, b: Vec3): Vec3 => v3(a.x - b.x, a.y - b.y, a.z - b.z);
export const scale = (a: Vec3, s: number): Vec3 => v3(a.x * s, a.y * s, a.z * s);
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: Vec3, b: Vec3): Vec3 =>
	v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
export const length = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);
export const distance = (a: Vec3, b: Vec3): number => length(sub(a, b));
export const lerp3 = (a: Vec3, b: Vec3, s: number): Vec3 =>
	v3(a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s, a.z + (b.z - a.z) * s);
/** Mirror in the body's sagittal plane (left ↔ right). */
export const mirrorX = (a: Vec3): Vec3 => v3(-a.x, a.y, a.z);

export const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function mul(a: Mat3, b: Mat3): Mat3 {
	const r = (i: number, j: number): number =>
		a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
	return [r(0, 0), r(0, 1), r(0, 2), r(1, 0), r(1, 1), r(1, 2), r(2, 0), r(2, 1), r(2, 2)];
}

export function apply(m: Mat3, p: Vec3): Vec3 {
	return v3(
		m[0] * p.x + m[1] * p.y + m[2] * p.z,
		m[3] * p.x + m[4] * p.y + m[5] * p.z,
		m[6] * p.x + m[7] * p.y + m[8] * p.z
	);
}

/** Rotation about +x by `deg` (turns +y toward +z: a forward pitch of anything pointing up). */
export function rotX(deg: number): Mat3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [1, 0, 0, 0, c, -s, 0, s, c];
}

/** Rotation about +y by `deg` (turns +z toward +x: a turn toward the person's left). */
export function rotY(deg: number): Mat3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [c, 0, s, 0, 1, 0, -s, 0, c];
}

/** Rotation about +z by `deg` (turns +x toward +y). */
export function rotZ(deg: number): Mat3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** Rotation by `deg` about the unit axis `k` (Rodrigues' formula). */
export function rotAxis(k: Vec3, deg: number): Mat3 {
	const c = Math.cos(deg * DEG);
	const s = Math.sin(deg * DEG);
	const t = 1 - c;
	const { x, y, z } = k;
	return [
		t * x * x + c,
		t * x * y - s * z,
		t * x * z + s * y,
		t * x * y + s * z,
		t * y * y + c,
		t * y * z - s * x,
		t * x * z - s * y,
		t * y * z + s * x,
		t * z * z + c
	];
}
