/**
 * Where the "slouched" limits sit, drawn over the live camera view: lines in image pixels that
 * the head should stay on the right side of. From the front, the line the ears should stay
 * above (whichever of head drop and neck shortening the head would cross first); from the
 * side, the line the ear should stay behind (head ahead or neck angle, whichever is nearer)
 * and the line it should stay above. Plus where the head was when calibrated, for reference.
 */
import type { Calibration } from './calibration';
import type { PostureFeatures } from './features';
import { metricDef, SENSITIVITY_SCALE, type PostureMetricId } from './metrics';
import type { Sensitivity } from './types';

export interface GuideLine {
	kind: 'calibrated' | 'limit';
	/** What the line means, for the legend and screen readers. */
	label: string;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** A metric's limit at this sensitivity (with an override), in its unit; undefined if unknown. */
export function limitOf(
	cal: Calibration,
	id: PostureMetricId,
	sensitivity: Sensitivity,
	overrides: Partial<Record<PostureMetricId, number>> = {}
): number | undefined {
	const def = metricDef(cal.view, id);
	if (!def) return undefined;
	return (overrides[id] ?? def.limit) * SENSITIVITY_SCALE[sensitivity];
}

const RAD = Math.PI / 180;

/** The guide lines for this frame (empty when the head or shoulders are not seen). */
export function postureGuides(
	cal: Calibration,
	f: PostureFeatures | null,
	sensitivity: Sensitivity,
	overrides: Partial<Record<PostureMetricId, number>> = {}
): GuideLine[] {
	const unit = cal.reference.scale;
	const a = cal.anchor;
	const b = cal.baseline;
	const lim = (id: PostureMetricId) => limitOf(cal, id, sensitivity, overrides);
	const out: GuideLine[] = [];
	const finite = (...v: number[]) => v.every(Number.isFinite);

	if (cal.view === 'front') {
		const half = 0.7 * unit;
		out.push({
			kind: 'calibrated',
			label: 'Your ears when calibrated',
			x1: a.head.x - half,
			y1: a.head.y,
			x2: a.head.x + half,
			y2: a.head.y
		});
		// Head drop: reading −y/unit, worse = baseline − reading ≥ limit ⇔ y ≥ (limit − b)·unit.
		const candidates: number[] = [];
		const hd = lim('headDrop');
		if (hd !== undefined && b.headDrop !== undefined) candidates.push((hd - b.headDrop) * unit);
		// Neck shortening against the shoulders of this frame.
		const ns = lim('neckShorten');
		if (ns !== undefined && b.neckShorten !== undefined && f?.shoulder) {
			const w = f.shoulderWidth ?? unit;
			candidates.push(f.shoulder.y - (b.neckShorten - ns) * w);
		}
		const y = candidates.length > 0 ? Math.min(...candidates) : NaN;
		const cx = f?.head?.x ?? a.head.x;
		if (finite(y, cx)) {
			out.push({
				kind: 'limit',
				label: 'Slouch line: keep your ears above it',
				x1: cx - half,
				y1: y,
				x2: cx + half,
				y2: y
			});
		}
		return out;
	}

	// Side view.
	const facing = cal.reference.facing;
	out.push({
		kind: 'calibrated',
		label: 'Your ear when calibrated',
		x1: a.head.x,
		y1: a.head.y - 0.25 * unit,
		x2: a.head.x,
		y2: a.head.y + 0.25 * unit
	});
	const sh = f?.shoulder;
	const head = f?.head;
	if (sh) {
		const xs: number[] = [];
		const ha = lim('headAhead');
		if (ha !== undefined && b.headAhead !== undefined) {
			xs.push(sh.x + facing * (b.headAhead + ha) * unit);
		}
		const na = lim('neckAngle');
		if (na !== undefined && b.neckAngle !== undefined && head && sh.y > head.y) {
			const angle = Math.min(80, b.neckAngle + na) * RAD;
			xs.push(sh.x + facing * Math.tan(angle) * (sh.y - head.y));
		}
		if (xs.length > 0) {
			// The line nearer the shoulder is crossed first.
			const x = facing > 0 ? Math.min(...xs) : Math.max(...xs);
			const top = (head?.y ?? a.head.y) - 0.35 * unit;
			if (finite(x, top, sh.y)) {
				out.push({
					kind: 'limit',
					label: 'Keep your ear behind this line',
					x1: x,
					y1: top,
					x2: x,
					y2: sh.y
				});
			}
		}
	}
	const hd = lim('headDrop');
	if (hd !== undefined && b.headDrop !== undefined) {
		const y = (hd - b.headDrop) * unit;
		const cx = head?.x ?? a.head.x;
		if (finite(y, cx)) {
			out.push({
				kind: 'limit',
				label: 'Keep your ear above this line',
				x1: cx - 0.35 * unit,
				y1: y,
				x2: cx + 0.35 * unit,
				y2: y
			});
		}
	}
	return out;
}
