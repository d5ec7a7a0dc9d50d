/**
 * Records range of motion per rep and per hold from the coach's own states and events: no hook in
 * the coach. Each frame's metrics go into a short buffer; when the coach reports a rep (with its
 * duration) or a finished hold (with its seconds), the measure over that window is taken:
 *
 * - a rep: its peak, the top of the move (the max of a 0.3 s moving median, so keypoint wander
 *   does not set the peak while a top held for a moment does);
 * - a hold, or a rep held at its top (a 5 s squeeze): its median, the position actually held.
 *
 * Pure: no DOM, no Svelte.
 */
import { median } from '../geometry/vec';
import type { Metrics } from '../metrics/body-metrics';
import type { Body } from '../pose/keypoints';
import type { CoachEvent, CoachState, ExerciseDefinition, Side } from '../engine/types';
import {
	MEASURES,
	type MeasureId,
	type MeasureInfo,
	type MeasureReading,
	type MeasureSpec
} from './measures';

/** One rep's or hold's measure on one side, as the analyser's `--json` and History keep it. */
export interface RomEntry {
	/** Session time (s) of the rep or hold's end. */
	t: number;
	measure: MeasureId;
	side: Side | null;
	degrees: number;
}

/**
 * Seconds of frames kept: longer than any rep (a 5 s squeeze hold plus its slow way in and out)
 * and any single hold in the catalog (60 s stretches), plus the rest before it.
 */
const BUFFER_SECONDS = 90;
/**
 * Seconds before a rep's or hold's start searched for the rest position (measures with `rest`
 * metrics): a rep, the rest between reps and the way into this one.
 */
const REST_LOOKBACK_SECONDS = 8;
/**
 * How closely an active span's length (s) must match a rep event's `durationSeconds` to be that
 * rep: both are measured on the same frames, one dwell apart at each end, so a few frames (plus
 * two frame intervals, for a slow camera). With no span of that length, the latest span is taken.
 */
const SPAN_MATCH_SECONDS = 0.25;
/** The coach's phase changes one dwell (0.1 s, engine/rep-machine.ts) after the crossing, plus a frame. */
const PHASE_LAG_SECONDS = 0.15;

interface Frame {
	t: number;
	metrics: Metrics;
	body: Body | null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Seconds of the moving median a rep's peak is taken on. Keypoints wander ≈ 3–6 px from frame
 * to frame and now and then jump; the max of raw frames picks the luckiest one (on the
 * simulator's realistic noise, wall angels posed at 165° peaked at 172–176°). The median of
 * 0.3 s (9 frames at 30 fps) ignores a jump and averages the wander, while a top held for a
 * moment stays the top.
 */
const PEAK_SMOOTH_SECONDS = 0.3;

/**
 * The max of the moving median over `seconds` of (t, value) samples in time order: each sample's
 * window is centred on it, so the first and last samples of a rep count too. (Windows ending at
 * each sample, counted only once full, never let the first 0.3 s count: a browser running the
 * model at 3–8 frames a second, its frames 0.1–0.35 s apart, saw a reach whose top was in its
 * first three frames read 33° — the arms already on their way down.) At 30 fps an edge window
 * still holds 5 frames, enough to outvote a jump.
 */
export function robustPeak(
	samples: ReadonlyArray<{ t: number; v: number }>,
	seconds = PEAK_SMOOTH_SECONDS
): number {
	let best = -Infinity;
	let from = 0;
	let to = 0;
	const half = seconds / 2;
	for (let i = 0; i < samples.length; i++) {
		const t = samples[i]!.t;
		while (t - samples[from]!.t > half) from++;
		while (to + 1 < samples.length && samples[to + 1]!.t - t <= half) to++;
		best = Math.max(best, median(samples.slice(from, to + 1).map((s) => s.v)));
	}
	return best;
}

export class RomTracker {
	readonly #specs: readonly MeasureSpec[];
	/** A rep held at its top (a squeeze held 5 s): measured like a hold, by its median. */
	readonly #heldReps: boolean;
	#frames: Frame[] = [];
	#entries: RomEntry[] = [];
	/** Session times (s) the coach's phase was active: one span per rep attempt. */
	#spans: Array<{ start: number; end: number }> = [];
	#activeSince: number | null = null;
	#lastSpanStart = -Infinity;
	/** Whether the coach has shown an active phase yet (not while it learned the rest position). */
	#phaseSeen = false;

	constructor(def: Pick<ExerciseDefinition, 'measures' | 'rep' | 'repByView'>) {
		this.#specs = def.measures ?? [];
		const specs = [def.rep, ...Object.values(def.repByView ?? {})];
		this.#heldReps = specs.some((r) => (r?.holdSeconds ?? 0) > 0);
	}

	get entries(): readonly RomEntry[] {
		return this.#entries;
	}

	/** Feed every coach state in order; returns the entries this frame's events completed. */
	add(state: Pick<CoachState, 't' | 'metrics' | 'body' | 'phase' | 'events'>): RomEntry[] {
		if (this.#specs.length === 0) return [];
		this.#trackPhase(state.t, state.phase);
		if (state.metrics) {
			this.#frames.push({ t: state.t, metrics: state.metrics, body: state.body });
			const keepFrom = state.t - BUFFER_SECONDS;
			if (this.#frames[0]!.t < keepFrom) {
				this.#frames = this.#frames.filter((f) => f.t >= keepFrom);
			}
		}
		const out: RomEntry[] = [];
		for (const e of state.events) out.push(...this.#measureEvent(e));
		this.#entries.push(...out);
		return out;
	}

	/** The median time between the last frames (s); 1/30 s before there are any. */
	#frameInterval(): number {
		const f = this.#frames.slice(-16);
		if (f.length < 2) return 1 / 30;
		return median(f.slice(1).map((x, i) => x.t - f[i]!.t));
	}

	/** Records the spans the coach showed as active (a rep under way). */
	#trackPhase(t: number, phase: CoachState['phase']): void {
		if (phase === 'active') this.#phaseSeen = true;
		if (phase === 'active' && this.#activeSince === null) this.#activeSince = t;
		if (phase === 'rest' && this.#activeSince !== null) {
			this.#spans.push({ start: this.#activeSince, end: t });
			this.#activeSince = null;
			const keepFrom = t - BUFFER_SECONDS;
			if (this.#spans[0]!.end < keepFrom)
				this.#spans = this.#spans.filter((s) => s.end >= keepFrom);
		}
	}

	/**
	 * The frames of the rep an event counted. A rep is not always counted when it ends: one short
	 * of the written range waits until three agree (engine/own-range.ts), so its event comes reps
	 * later. The event carries the rep's length, so the rep is the first active span after the
	 * last one measured whose length matches (to SPAN_MATCH_SECONDS), else the latest span (the
	 * earlier ones were attempts that did not count: on the fake camera, taking the first read a
	 * 39° half-raise); reps are counted in order. Without any (reps judged from frames buffered while the
	 * coach learned the rest position, whose states were all "rest"), the rep ended at the event.
	 */
	#repWindow(t: number, durationSeconds: number): { start: number; end: number } {
		// Both ends of a span are known to a frame only: at 4 fps (a slow laptop) that is 0.25 s.
		const dt = this.#frameInterval();
		const lag = PHASE_LAG_SECONDS + dt;
		const later = this.#spans.filter((s) => s.start > this.#lastSpanStart && s.end <= t + 1e-6);
		const span =
			later.find(
				(s) => Math.abs(s.end - s.start - durationSeconds) <= SPAN_MATCH_SECONDS + 2 * dt
			) ?? (this.#phaseSeen ? later.at(-1) : undefined);
		if (span) {
			this.#lastSpanStart = span.start;
			// The phase shows "active" one dwell (and a frame) after the rep's real start and end.
			// A span that began late (the coach went active only once it had learned the rest
			// position, after the rep had started) is stretched back to the rep's own length.
			const start = Math.min(span.start, span.end - durationSeconds);
			return { start: start - lag, end: span.end };
		}
		return { start: t - durationSeconds - lag, end: t };
	}

	#measureEvent(e: CoachEvent): RomEntry[] {
		if (e.type === 'rep') {
			const w = this.#repWindow(e.t, e.durationSeconds);
			return this.#measure(e.t, w.start, w.end, this.#heldReps ? 'median' : 'peak', null);
		}
		if (e.type === 'hold-complete') {
			return this.#measure(e.t, e.t - e.seconds, e.t, 'median', e.side);
		}
		return [];
	}

	#measure(
		at: number,
		start: number,
		end: number,
		how: 'peak' | 'median',
		holdSide: Side | null
	): RomEntry[] {
		// Half a frame of slack at 30 fps: the event's start is the first frame in position.
		const window = this.#frames.filter((f) => f.t >= start - 0.02 && f.t <= end + 0.02);
		if (window.length === 0) return [];
		const out: RomEntry[] = [];
		for (const spec of this.#specs) {
			const info = MEASURES[spec.id];
			const rest = info.rest.length ? this.#rest(start, window[0]!, info.rest) : null;
			const bySide = new Map<Side | null, Array<{ t: number; v: number }>>();
			for (const f of window) {
				for (const r of info.read(f.metrics, rest, f.body)) {
					if (!keep(info.sides, r, holdSide)) continue;
					const list = bySide.get(r.side) ?? [];
					list.push({ t: f.t, v: r.degrees });
					bySide.set(r.side, list);
				}
			}
			let sided = [...bySide.entries()].map(([side, samples]) => ({
				side,
				degrees: how === 'peak' ? robustPeak(samples) : median(samples.map((s) => s.v)),
				n: samples.length
			}));
			// A signed measure in a move without a side (a side bend during an overhead reach):
			// the side it went further to, on at least a third of the frames, is the move's side.
			if (info.sides === 'sign' && holdSide === null && sided.length > 1) {
				const total = sided.reduce((a, s) => a + s.n, 0);
				sided = sided
					.filter((s) => s.n >= total / 3)
					.sort((a, b) => b.degrees - a.degrees)
					.slice(0, 1);
			}
			for (const s of sided) {
				if (Number.isFinite(s.degrees)) {
					out.push({ t: round1(at), measure: spec.id, side: s.side, degrees: round1(s.degrees) });
				}
			}
		}
		return out;
	}

	/**
	 * The person's rest position before `start`, for the metrics `wanted`: the median of the
	 * rest-side third of the lookback's readings. The coach may start a rep late (a held squeeze
	 * went "active" 2.9 s into the hold on a noisy simulated trace), so the lookback is long and
	 * holds the previous rep and the way into this one: a plain median would sit part-way up the
	 * move. A third, not the extreme: the extreme of noisy readings lies beyond the true rest
	 * (≈ 4° of collarbone under the simulator's realistic noise), and a rep's peak already leans
	 * the other way. The rep's first frame when the lookback holds no reading.
	 */
	#rest(start: number, first: Frame, wanted: MeasureInfo['rest']): Metrics {
		const frames = this.#frames.filter((f) => f.t < start && f.t >= start - REST_LOOKBACK_SECONDS);
		const out: Record<string, number | null> = { ...first.metrics };
		for (const { metric, restIs } of wanted) {
			const values = frames
				.map((f) => f.metrics[metric])
				.filter((v): v is number => v !== null && Number.isFinite(v))
				.sort((x, y) => (restIs === 'high' ? y - x : x - y));
			if (values.length) out[metric] = median(values.slice(0, Math.ceil(values.length / 3)));
		}
		return out as Metrics;
	}
}

/** A side-hold keeps only the readings of the side held; every other move keeps them all. */
function keep(sides: string, r: MeasureReading, holdSide: Side | null): boolean {
	return !(sides === 'sign' && holdSide !== null && r.side !== holdSide);
}

/**
 * "left arm 162°, right 158°" for one rep's entries of one measure; a measure whose sign gives
 * the side reads "to the left 30°", one without a side just "12°".
 */
export function formatEntries(info: MeasureInfo, entries: readonly RomEntry[]): string {
	const d = (e: RomEntry) => `${Math.round(e.degrees)}°`;
	const left = entries.find((e) => e.side === 'left');
	const right = entries.find((e) => e.side === 'right');
	const none = entries.find((e) => e.side === null);
	if (info.sides === 'sign') {
		return [left && `to the left ${d(left)}`, right && `to the right ${d(right)}`]
			.filter(Boolean)
			.join(', ');
	}
	if (left && right) return `left ${info.part} ${d(left)}, right ${d(right)}`;
	if (left) return `left ${info.part} ${d(left)}`;
	if (right) return `right ${info.part} ${d(right)}`;
	return none ? d(none) : '';
}

/** One line per measure for the last rep or hold: "Shoulder elevation: left arm 162°, right 158° (target ≥ 155°)". */
export function describeLast(specs: readonly MeasureSpec[], latest: readonly RomEntry[]): string[] {
	const lines: string[] = [];
	for (const spec of specs) {
		const mine = latest.filter((e) => e.measure === spec.id);
		if (mine.length === 0) continue;
		const info = MEASURES[spec.id];
		const target = spec.target
			? ` (target ${spec.target.kind === 'at-least' ? '≥' : '≤'} ${spec.target.degrees}°)`
			: '';
		lines.push(`${info.label}: ${formatEntries(info, mine)}${target}`);
	}
	return lines;
}
