/**
 * Motion as data: a {@link Motion} is a duration, a posture at every instant, and ground-truth
 * events (reps, holds) for tests and the benchmark. Build one from keyframes ({@link timeline})
 * or the helpers ({@link repeat}, {@link hold}, {@link idle}, {@link setupWalkIn}), join them
 * with {@link sequence}, and sample it with `generateFrames` (trace.ts).
 *
 * Times are seconds from the motion's own start. Posture arguments may be complete postures
 * (the presets) or patches, which apply over `base` (default: standingNeutral).
 */
import { Rng } from './noise';
import { standingNeutral } from './postures';
import { lerpPosture, offsetPosture, posture, type Posture, type PosturePatch } from './skeleton';

/** How a keyframe is approached from the previous one. */
export type Ease = 'linear' | 'sine' | 'cubic' | 'step';

/** Eased progress for linear progress `s` in [0, 1]. */
export function ease(kind: Ease, s: number): number {
	const x = Math.min(1, Math.max(0, s));
	switch (kind) {
		case 'linear':
			return x;
		case 'sine':
			// Slow out, fast middle, slow in: the velocity profile of a deliberate exercise move.
			return 0.5 - 0.5 * Math.cos(Math.PI * x);
		case 'cubic':
			return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
		case 'step':
			return x < 1 ? 0 : 1;
	}
}

export type MotionEventType =
	'rep-start' | 'rep-top' | 'rep-top-end' | 'rep-end' | 'hold-start' | 'hold-end' | 'mark';

/** Ground truth: what the simulated person did and when. */
export interface MotionEvent {
	/** Seconds from the motion's start. */
	t: number;
	type: MotionEventType;
	/** 1-based rep number within its `repeat`. */
	rep?: number;
	/** Fraction of the full range reached in that rep (1 = full). */
	depth?: number;
	label?: string;
}

export interface Motion {
	/** Seconds. */
	readonly duration: number;
	/** The posture at `t` seconds (clamped to [0, duration]). */
	sample(t: number): Posture;
	/** Ground-truth events, in time order. */
	readonly events: readonly MotionEvent[];
}

export type PostureInput = Posture | PosturePatch;

/** Shared options: the posture that patches apply over. */
export interface BaseOption {
	base?: Posture;
}

const resolve = (p: PostureInput, base: Posture = standingNeutral): Posture => posture(p, base);

const checkSeconds = (v: number, what: string): number => {
	if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`motion: ${what} must be ≥ 0 s, got ${v}`);
	return v;
};

const clampT = (t: number, duration: number): number => Math.min(duration, Math.max(0, t));

// ---------------------------------------------------------------------------------------------
// Keyframes
// ---------------------------------------------------------------------------------------------

export interface Keyframe {
	/** Seconds from the start; non-decreasing along the list. */
	t: number;
	/** The posture reached at `t`: a patch applies over the previous keyframe's posture. */
	posture: PostureInput;
	/** How this keyframe is approached from the previous one (default 'sine'). */
	ease?: Ease;
	/** Optional ground-truth mark at `t` (recorded as a 'mark' event). */
	label?: string;
}

/**
 * A motion through keyframes. Each keyframe's patch applies over the previous keyframe's full
 * posture (the first over `base`), so a keyframe only names what changes. Before the first
 * keyframe the figure holds it; the motion ends at the last.
 */
export function timeline(keyframes: readonly Keyframe[], options: BaseOption = {}): Motion {
	if (keyframes.length === 0) throw new Error('timeline: needs at least one keyframe');
	const full: { t: number; p: Posture; ease: Ease }[] = [];
	let prev = options.base ?? standingNeutral;
	let lastT = -Infinity;
	keyframes.forEach((k, i) => {
		if (!Number.isFinite(k.t) || k.t < 0) {
			throw new Error(`timeline: keyframe ${i} time must be ≥ 0 s, got ${k.t}`);
		}
		if (k.t < lastT) throw new Error(`timeline: keyframe ${i} at ${k.t} s is before ${lastT} s`);
		lastT = k.t;
		prev = posture(k.posture, prev);
		full.push({ t: k.t, p: prev, ease: k.ease ?? 'sine' });
	});
	const events: MotionEvent[] = keyframes
		.filter((k) => k.label !== undefined)
		.map((k) => ({ t: k.t, type: 'mark' as const, label: k.label }));
	const duration = lastT;
	return {
		duration,
		events,
		sample(t: number): Posture {
			const x = clampT(t, duration);
			// Last keyframe at or before x (binary search; keyframe lists can be long).
			let lo = 0;
			let hi = full.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (full[mid]!.t <= x) lo = mid;
				else hi = mid - 1;
			}
			const a = full[lo]!;
			const b = full[lo + 1];
			if (b === undefined || b.t === a.t) return posture({}, a.p);
			return lerpPosture(a.p, b.p, ease(b.ease, (x - a.t) / (b.t - a.t)));
		}
	};
}

/** Holds one posture for `seconds` (events: hold-start at 0, hold-end at the end). */
export function hold(p: PostureInput, seconds: number, options: BaseOption = {}): Motion {
	checkSeconds(seconds, 'hold seconds');
	const full = resolve(p, options.base);
	return {
		duration: seconds,
		events: [
			{ t: 0, type: 'hold-start' },
			{ t: seconds, type: 'hold-end' }
		],
		sample: () => posture({}, full)
	};
}

/** Moves from one posture to another in `seconds` (no events). */
export function transition(
	from: PostureInput,
	to: PostureInput,
	seconds: number,
	options: BaseOption & { ease?: Ease } = {}
): Motion {
	checkSeconds(seconds, 'transition seconds');
	const a = resolve(from, options.base);
	const b = resolve(to, options.base);
	const kind = options.ease ?? 'sine';
	return {
		duration: seconds,
		events: [],
		sample: (t) => lerpPosture(a, b, seconds > 0 ? ease(kind, clampT(t, seconds) / seconds) : 1)
	};
}

/** Plays motions one after another; events shift by each part's start time. */
export function sequence(...parts: readonly Motion[]): Motion {
	if (parts.length === 0) throw new Error('sequence: needs at least one motion');
	const starts: number[] = [];
	let total = 0;
	const events: MotionEvent[] = [];
	for (const m of parts) {
		starts.push(total);
		for (const e of m.events) events.push({ ...e, t: e.t + total });
		total += m.duration;
	}
	return {
		duration: total,
		events,
		sample(t: number): Posture {
			const x = clampT(t, total);
			let i = parts.length - 1;
			while (i > 0 && starts[i]! > x) i--;
			return parts[i]!.sample(x - starts[i]!);
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Reps
// ---------------------------------------------------------------------------------------------

export interface RepeatOptions extends BaseOption {
	/** Rest posture (start and end of every rep). */
	from: PostureInput;
	/** Top of the rep (reached at depth 1). */
	to: PostureInput;
	/** Seconds from `from` to the top (default 1.5). */
	upSeconds?: number;
	/** Seconds held at the top (default 0). */
	holdSeconds?: number;
	/** Seconds back to `from` (default 1.5). */
	downSeconds?: number;
	/** Seconds resting at `from` after each rep (default 0.5). */
	restSeconds?: number;
	/** Seconds at `from` before the first rep (default 0). */
	leadSeconds?: number;
	ease?: Ease;
	/**
	 * Share of the from→to range reached per rep (1 = full, 0.5 = a half rep), one number for
	 * all reps or one per rep (the last repeats).
	 */
	depths?: number | readonly number[];
	/** Human variation between reps, seeded: timing sd (fraction) and depth sd (fraction). */
	variability?: { timing?: number; depth?: number; seed?: number };
}

/**
 * `n` reps from `from` to `to` and back. Events per rep: rep-start (leaves `from`), rep-top
 * (reaches the top), rep-top-end (leaves it), rep-end (back at `from`).
 */
export function repeat(n: number, o: RepeatOptions): Motion {
	if (!Number.isInteger(n) || n < 0) throw new Error(`repeat: n must be an integer ≥ 0, got ${n}`);
	const from = resolve(o.from, o.base);
	const to = resolve(o.to, o.base);
	const up = checkSeconds(o.upSeconds ?? 1.5, 'upSeconds');
	const top = checkSeconds(o.holdSeconds ?? 0, 'holdSeconds');
	const down = checkSeconds(o.downSeconds ?? 1.5, 'downSeconds');
	const rest = checkSeconds(o.restSeconds ?? 0.5, 'restSeconds');
	const lead = checkSeconds(o.leadSeconds ?? 0, 'leadSeconds');
	const kind = o.ease ?? 'sine';
	const rng = new Rng(o.variability?.seed ?? 1);
	const timingSd = o.variability?.timing ?? 0;
	const depthSd = o.variability?.depth ?? 0;
	const depthOf = (i: number): number => {
		const d = o.depths;
		if (d === undefined) return 1;
		if (typeof d === 'number') return d;
		return d[Math.min(i, d.length - 1)] ?? 1;
	};
	// Timing factors never shrink a phase below 30 % of its nominal length.
	const vary = (s: number): number => s * Math.max(0.3, 1 + rng.gaussian(0, timingSd));

	const keys: Keyframe[] = [{ t: 0, posture: from }];
	const events: MotionEvent[] = [];
	let t = lead;
	if (lead > 0) keys.push({ t, posture: from });
	for (let i = 0; i < n; i++) {
		const depth = Math.max(0, depthOf(i) + (depthSd > 0 ? rng.gaussian(0, depthSd) : 0));
		const peak = lerpPosture(from, to, depth);
		const rep = i + 1;
		events.push({ t, type: 'rep-start', rep, depth });
		t += vary(up);
		keys.push({ t, posture: peak, ease: kind });
		events.push({ t, type: 'rep-top', rep, depth });
		t += vary(top);
		keys.push({ t, posture: peak, ease: 'linear' });
		events.push({ t, type: 'rep-top-end', rep, depth });
		t += vary(down);
		keys.push({ t, posture: from, ease: kind });
		events.push({ t, type: 'rep-end', rep, depth });
		t += vary(rest);
		keys.push({ t, posture: from, ease: 'linear' });
	}
	const m = timeline(keys);
	return { duration: m.duration, sample: m.sample, events };
}

// ---------------------------------------------------------------------------------------------
// Sway and idling
// ---------------------------------------------------------------------------------------------

export interface SwayOptions {
	/** 1 = natural quiet standing; 0 = none; 2 = fidgety. */
	amount?: number;
	seed?: number;
}

/**
 * Largest excursion of each swaying channel at amount 1. Quiet standing sways the body about a
 * centimetre at 0.1–0.3 Hz; breathing (~15 breaths per minute, 0.25 Hz) lifts the shoulders a
 * few millimetres and extends the upper back about a degree. None approaches a rep (which moves
 * tens of degrees), so idling never counts as one.
 */
const SWAY_AMPLITUDE = {
	rootX: 0.01, // m
	rootZ: 0.01, // m
	trunkSideBend: 0.8, // deg
	trunkFlexion: 0.8, // deg
	neckRotation: 2, // deg
	neckFlexion: 1.5, // deg
	neckSideTilt: 1, // deg
	armRaise: 1.5, // deg
	elbowFlex: 2, // deg
	breathElevation: 0.03, // fraction of neck length
	breathThoracic: 1 // deg of extension at full inhale
} as const;

type SwayChannel = keyof typeof SWAY_AMPLITUDE;

/**
 * A sway generator: each channel is a sum of three sines of seeded frequency (0.08–0.35 Hz)
 * and phase, normalised so it never exceeds its amplitude.
 */
export function swayFunction(o: SwayOptions = {}): (t: number) => PosturePatch {
	const amount = o.amount ?? 1;
	const rng = new Rng(o.seed ?? 1);
	const waves = {} as Record<SwayChannel, { f: number; phase: number; w: number }[]>;
	for (const ch of Object.keys(SWAY_AMPLITUDE) as SwayChannel[]) {
		const isBreath = ch.startsWith('breath');
		waves[ch] = isBreath
			? [{ f: 0.2 + rng.range(0, 0.1), phase: rng.range(0, 2 * Math.PI), w: 1 }]
			: [0, 1, 2].map(() => ({
					f: rng.range(0.08, 0.35),
					phase: rng.range(0, 2 * Math.PI),
					w: rng.range(0.3, 1)
				}));
	}
	// Breathing shares one phase so shoulders rise as the back extends.
	waves.breathThoracic = waves.breathElevation;
	/** Channel `ch` at time `t`, normalised to [−1, 1]. */
	const wave = (ch: SwayChannel, t: number): number => {
		let sum = 0;
		let norm = 0;
		for (const w of waves[ch]) {
			sum += w.w * Math.sin(2 * Math.PI * w.f * t + w.phase);
			norm += w.w;
		}
		return sum / norm;
	};
	const value = (ch: SwayChannel, t: number): number => amount * SWAY_AMPLITUDE[ch] * wave(ch, t);
	return (t: number): PosturePatch => {
		// 0 at full exhale, 1 at full inhale.
		const breath = 0.5 + 0.5 * wave('breathElevation', t);
		return {
			root: { x: value('rootX', t), z: value('rootZ', t) },
			trunkSideBend: value('trunkSideBend', t),
			trunkFlexion: value('trunkFlexion', t),
			neckRotation: value('neckRotation', t),
			neckFlexion: value('neckFlexion', t),
			neckSideTilt: value('neckSideTilt', t),
			armRaise: value('armRaise', t),
			elbowFlex: value('elbowFlex', t),
			shoulderElevation: amount * SWAY_AMPLITUDE.breathElevation * breath,
			thoracicFlexion: -amount * SWAY_AMPLITUDE.breathThoracic * breath
		};
	};
}

/** Adds natural sway and breathing on top of any motion (events unchanged). */
export function withSway(motion: Motion, o: SwayOptions = {}): Motion {
	const sway = swayFunction(o);
	return {
		duration: motion.duration,
		events: motion.events,
		sample: (t) => offsetPosture(motion.sample(t), sway(clampT(t, motion.duration)))
	};
}

export interface IdleOptions extends SwayOptions, BaseOption {
	/** The posture idled in (default standingNeutral). */
	posture?: PostureInput;
	/** Sway amount (alias of `amount`; 1 = natural). */
	sway?: number;
}

/** Standing (or sitting) still for `seconds` with natural sway and breathing; no events. */
export function idle(seconds: number, o: IdleOptions = {}): Motion {
	checkSeconds(seconds, 'idle seconds');
	const p = resolve(o.posture ?? {}, o.base);
	return withSway(
		{ duration: seconds, events: [], sample: () => p },
		{ amount: o.sway ?? o.amount ?? 1, seed: o.seed }
	);
}

// ---------------------------------------------------------------------------------------------
// Walking in
// ---------------------------------------------------------------------------------------------

export interface WalkInOptions extends BaseOption {
	/** Image side the person enters from, for an unmirrored camera (default 'left'). */
	from?: 'left' | 'right';
	/** The camera's view yaw in degrees (see camera.ts), so the walk crosses the image (default 0). */
	cameraYawDeg?: number;
	/** Where the person ends up (default standingNeutral); its root and bodyYaw are honoured. */
	posture?: PostureInput;
	/** Distance walked, metres (default 2.6: from outside a 640 px frame 3 m away). */
	distanceM?: number;
	seed?: number;
}

/** Stride frequency of relaxed walking, Hz (about 108 steps a minute). */
const STRIDE_HZ = 0.9;
/** Peak hip swing while walking, degrees. */
const GAIT_HIP_DEG = 20;
/** Peak knee bend in the swing phase, degrees. */
const GAIT_KNEE_DEG = 35;
/** Peak arm swing, degrees. */
const GAIT_ARM_DEG = 15;

/**
 * The person walks into the frame from the side (first ~50 % of `seconds`), turns to face as
 * `posture` says (to ~70 %), then settles with small shuffles and sway, reaching `posture`
 * exactly at the end. Marks: 'arrived' and 'ready'.
 */
export function setupWalkIn(seconds = 5, o: WalkInOptions = {}): Motion {
	checkSeconds(seconds, 'walk-in seconds');
	const final = resolve(o.posture ?? {}, o.base);
	const yaw = ((o.cameraYawDeg ?? 0) * Math.PI) / 180;
	const sign = (o.from ?? 'left') === 'left' ? 1 : -1;
	const dist = o.distanceM ?? 2.6;
	// Walking direction: toward image right (left entry) = the camera's right axis.
	const dir = { x: sign * Math.cos(yaw), z: -sign * Math.sin(yaw) };
	const start = { x: final.root.x - dist * dir.x, z: final.root.z - dist * dir.z };
	// Facing the walking direction: bodyYaw β with (sin β, cos β) = dir. Take the turn < 180°.
	let walkYaw = (Math.atan2(dir.x, dir.z) * 180) / Math.PI;
	while (walkYaw - final.bodyYaw > 180) walkYaw -= 360;
	while (walkYaw - final.bodyYaw < -180) walkYaw += 360;
	const walkEnd = 0.5 * seconds;
	const turnEnd = 0.7 * seconds;
	const settleEnd = 0.9 * seconds;
	const sway = swayFunction({ amount: 1, seed: o.seed });
	const walkBase = standingNeutral;

	/** Progress along the path: constant speed, then a linear slow-down over the last 20 %. */
	const path = (s: number): { p: number; speed: number } => {
		const v = 1 / 0.9;
		if (s <= 0.8) return { p: s * v, speed: 1 };
		const d = s - 0.8;
		return { p: 0.8 * v + v * d - (v * d * d) / 0.4, speed: 1 - d / 0.2 };
	};

	const sample = (t: number): Posture => {
		const x = clampT(t, seconds);
		let rootP = 1;
		let gait = 0;
		if (x < walkEnd && walkEnd > 0) {
			const { p, speed } = path(x / walkEnd);
			rootP = p;
			gait = speed;
		} else if (x < turnEnd) {
			gait = 0.3; // small steps while turning
		}
		const yawS = x <= walkEnd ? 0 : ease('sine', (x - walkEnd) / Math.max(1e-9, turnEnd - walkEnd));
		const phase = 2 * Math.PI * STRIDE_HZ * x;
		const swing = Math.sin(phase);
		const knee = (v: number) => GAIT_KNEE_DEG * Math.max(0, v);
		const walking = posture(
			{
				root: {
					x: start.x + (final.root.x - start.x) * rootP,
					z: start.z + (final.root.z - start.z) * rootP
				},
				bodyYaw: walkYaw + (final.bodyYaw - walkYaw) * yawS,
				hipFlexion: { left: gait * GAIT_HIP_DEG * swing, right: -gait * GAIT_HIP_DEG * swing },
				kneeFlexion: {
					left: gait * knee(Math.cos(phase)),
					right: gait * knee(-Math.cos(phase))
				},
				armPlane: 90,
				armRaise: { left: -gait * GAIT_ARM_DEG * swing, right: gait * GAIT_ARM_DEG * swing },
				elbowFlex: 15
			},
			walkBase
		);
		// Blend the joints toward the final posture after arriving; root and yaw are already there.
		const blend = ease('sine', (x - walkEnd) / Math.max(1e-9, settleEnd - walkEnd));
		const body = lerpPosture(walking, final, blend);
		body.root = walking.root;
		body.bodyYaw = walking.bodyYaw;
		// Settling: a small shuffle back and forth, fading out by the end.
		if (x > turnEnd && x < seconds) {
			const u = (x - turnEnd) / (seconds - turnEnd);
			const shuffle = 0.06 * Math.sin(Math.PI * u) * Math.sin(3 * Math.PI * u);
			body.root = { x: body.root.x + shuffle * dir.x, z: body.root.z + shuffle * dir.z };
		}
		// Sway fades in and out so the motion starts and ends exactly on its postures.
		const s = Math.sin(Math.PI * (x / Math.max(1e-9, seconds)));
		return offsetPosture(body, scalePatch(sway(x), s));
	};
	return {
		duration: seconds,
		events: [
			{ t: walkEnd, type: 'mark', label: 'arrived' },
			{ t: seconds, type: 'mark', label: 'ready' }
		],
		sample
	};
}

/** Every number in a patch times `k`. */
function scalePatch(p: PosturePatch, k: number): PosturePatch {
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(p)) {
		if (typeof v === 'number') out[key] = v * k;
		else if (v && typeof v === 'object') {
			out[key] = Object.fromEntries(
				Object.entries(v as Record<string, number>).map(([kk, vv]) => [kk, vv * k])
			);
		}
	}
	return out as PosturePatch;
}
