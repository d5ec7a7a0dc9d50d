/**
 * The one place numbers become text. Anything non-finite (NaN, ±Infinity, null, undefined)
 * shows as an en dash, so a glitch in a metric can never put "NaN" on screen.
 */

export const MISSING = '–';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A number with `digits` decimals (default 0), or "–". */
export function fmt(value: number | null | undefined, digits = 0): string {
	if (!isNum(value)) return MISSING;
	const s = value.toFixed(digits);
	// toFixed can give "-0" for tiny negatives.
	return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Seconds as "12 s" below a minute, "1:05" above; "–" when missing. */
export function fmtSeconds(value: number | null | undefined): string {
	if (!isNum(value)) return MISSING;
	const s = Math.max(0, value);
	if (s < 60) return `${Math.floor(s)} s`;
	const m = Math.floor(s / 60);
	const rest = Math.floor(s % 60);
	return `${m}:${String(rest).padStart(2, '0')}`;
}

/** Milliseconds for the stats panel: one decimal below 10 ms. */
export function fmtMs(value: number | null | undefined): string {
	if (!isNum(value)) return MISSING;
	return `${fmt(value, value < 10 ? 1 : 0)} ms`;
}

/** A 0–1 fraction as a whole percentage. */
export function fmtPercent(value: number | null | undefined): string {
	if (!isNum(value)) return MISSING;
	return `${fmt(value * 100)}%`;
}

/** A 0–1 fraction clamped for progress bars; 0 when missing. */
export function fraction(
	value: number | null | undefined,
	total: number | null | undefined
): number {
	if (!isNum(value) || !isNum(total) || total <= 0) return 0;
	return Math.min(1, Math.max(0, value / total));
}
