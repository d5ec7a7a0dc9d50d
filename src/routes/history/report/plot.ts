/**
 * Scales and ticks for the report's SVG plots. Pure: the components only draw what this returns.
 * SVG rather than the app's chart.js canvas: it prints as vector at any paper size and needs no
 * resize when the browser lays the page out again for print.
 */

/** Round tick values covering [lo, hi]: about `count` of them at 1, 2 or 5 × 10ⁿ apart. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
	if (hi <= lo) hi = lo + 1;
	const raw = (hi - lo) / count;
	const mag = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
	const out: number[] = [];
	for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) {
		out.push(Math.round(v * 1e6) / 1e6);
	}
	if (out.at(-1)! < hi) out.push(out.at(-1)! + step);
	return out;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
	const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
	return (v) => r0 + (v - d0) * k;
}
