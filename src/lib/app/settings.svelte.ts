/**
 * User settings, persisted in (guarded, injectable) storage: pose model, runtime, backend,
 * mute, voice volume, the remembered camera, the one-time safety acknowledgement, and what the
 * posture monitor reads (sensitivity, grace period, break reminders, quiet hours).
 */
import { Persisted, isBoolean, isString, oneOf } from './persisted.svelte';
import { browserStorage, type StorageLike } from '../storage/local';
import type { ModelChoice } from '../session/types';
import { SENSITIVITIES, type Sensitivity } from '../posture/types';

export const BACKENDS = ['auto', 'webgl', 'wasm', 'webgpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export const BACKEND_LABELS: Record<BackendChoice, string> = {
	auto: 'Automatic (fastest here)',
	webgl: 'WebGL (graphics card)',
	wasm: 'WebAssembly (processor)',
	webgpu: 'WebGPU (graphics card, newer)'
};

export const RUNTIMES = ['tfjs', 'mediapipe'] as const;
export type RuntimeChoice = (typeof RUNTIMES)[number];

export interface SettingsOptions {
	storage?: StorageLike;
	/** Model ids the registry knows; a stored id not in it falls back to `defaultModel`. */
	models: readonly string[];
	defaultModel: string;
}

/** Seconds of slouching before a nudge: long enough to ignore reaching for a cup. */
export const GRACE_SECONDS = { min: 5, max: 600, default: 30 } as const;
/**
 * Minutes of sitting before a break reminder; 0 turns reminders off. 45 min follows the usual
 * office-ergonomics advice of a short break at least every hour.
 */
export const BREAK_MINUTES = { min: 10, max: 240, default: 45 } as const;

/** Local wall-clock times, "HH:MM" (24 h). A span may cross midnight (22:00 to 07:00). */
export interface QuietHours {
	enabled: boolean;
	start: string;
	end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, start: '22:00', end: '07:00' };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isClockTime = (v: unknown): v is string => typeof v === 'string' && HH_MM.test(v);

export const isQuietHours = (v: unknown): v is QuietHours =>
	typeof v === 'object' &&
	v !== null &&
	typeof (v as QuietHours).enabled === 'boolean' &&
	isClockTime((v as QuietHours).start) &&
	isClockTime((v as QuietHours).end);

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether reminders are silenced at local time `at`: start inclusive, end exclusive; a span
 * whose end is not after its start wraps past midnight; equal start and end is all day.
 */
export function inQuietHours(q: QuietHours, at: Date): boolean {
	if (!q.enabled) return false;
	const m = at.getHours() * 60 + at.getMinutes();
	const start = minutesOf(q.start);
	const end = minutesOf(q.end);
	if (start === end) return true;
	return start < end ? m >= start && m < end : m >= start || m < end;
}

const intIn =
	(min: number, max: number) =>
	(v: unknown): v is number =>
		typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** 0 (off) or a whole number of minutes in range. */
const isBreakMinutes = (v: unknown): v is number =>
	v === 0 || intIn(BREAK_MINUTES.min, BREAK_MINUTES.max)(v);

/** Speech volume, 0 (silent) to 1 (the system's full volume). */
const isVolume = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

const KEY = 'scapula:';

export class Settings {
	#model: Persisted<string>;
	#runtime: Persisted<RuntimeChoice>;
	#backend: Persisted<BackendChoice>;
	#muted: Persisted<boolean>;
	#cameraId: Persisted<string>;
	#safety: Persisted<boolean>;
	#volume: Persisted<number>;
	#sensitivity: Persisted<Sensitivity>;
	#grace: Persisted<number>;
	#breakMinutes: Persisted<number>;
	#quiet: Persisted<QuietHours>;
	/**
	 * Preferences that travel in an export, with their checks. Not the camera (a device id means
	 * nothing on another device) nor the safety note (each device asks once).
	 */
	#portable: Record<
		string,
		{ p: Persisted<unknown>; valid: (v: unknown) => boolean; fallback: unknown }
	>;

	constructor(options: SettingsOptions) {
		const storage = options.storage ?? browserStorage();
		this.#model = new Persisted(
			storage,
			KEY + 'model',
			options.defaultModel,
			oneOf(options.models.length > 0 ? options.models : [options.defaultModel])
		);
		this.#runtime = new Persisted(storage, KEY + 'runtime', 'tfjs', oneOf(RUNTIMES));
		this.#backend = new Persisted(storage, KEY + 'backend', 'auto', oneOf(BACKENDS));
		this.#muted = new Persisted(storage, KEY + 'muted', false, isBoolean);
		this.#cameraId = new Persisted(storage, KEY + 'camera', '', isString);
		this.#safety = new Persisted(storage, KEY + 'safety-acknowledged', false, isBoolean);
		this.#volume = new Persisted(storage, KEY + 'volume', 1, isVolume);
		this.#sensitivity = new Persisted<Sensitivity>(
			storage,
			KEY + 'posture-sensitivity',
			'normal',
			oneOf(SENSITIVITIES)
		);
		const isGrace = intIn(GRACE_SECONDS.min, GRACE_SECONDS.max);
		this.#grace = new Persisted(storage, KEY + 'posture-grace', GRACE_SECONDS.default, isGrace);
		this.#breakMinutes = new Persisted(
			storage,
			KEY + 'break-minutes',
			BREAK_MINUTES.default,
			isBreakMinutes
		);
		this.#quiet = new Persisted(storage, KEY + 'quiet-hours', DEFAULT_QUIET_HOURS, isQuietHours);
		const models = options.models.length > 0 ? options.models : [options.defaultModel];
		const entry = <T>(p: Persisted<T>, valid: (v: unknown) => v is T, fallback: T) => ({
			p: p as Persisted<unknown>,
			valid,
			fallback
		});
		this.#portable = {
			model: entry(this.#model, oneOf(models), options.defaultModel),
			runtime: entry(this.#runtime, oneOf(RUNTIMES), 'tfjs'),
			backend: entry(this.#backend, oneOf(BACKENDS), 'auto'),
			muted: entry(this.#muted, isBoolean, false),
			volume: entry(this.#volume, isVolume, 1),
			postureSensitivity: entry(this.#sensitivity, oneOf(SENSITIVITIES), 'normal'),
			postureGraceSeconds: entry(this.#grace, isGrace, GRACE_SECONDS.default),
			breakReminderMinutes: entry(this.#breakMinutes, isBreakMinutes, BREAK_MINUTES.default),
			quietHours: entry(this.#quiet, isQuietHours, DEFAULT_QUIET_HOURS)
		};
	}

	get model(): string {
		return this.#model.current;
	}
	set model(v: string) {
		this.#model.current = v;
	}

	get runtime(): RuntimeChoice {
		return this.#runtime.current;
	}
	set runtime(v: RuntimeChoice) {
		this.#runtime.current = v;
	}

	get backend(): BackendChoice {
		return this.#backend.current;
	}
	set backend(v: BackendChoice) {
		this.#backend.current = v;
	}

	/** The pose model, runtime and backend chosen, as the model loader takes them (a copy). */
	get modelChoice(): ModelChoice {
		return { model: this.model, runtime: this.runtime, backend: this.backend };
	}

	get muted(): boolean {
		return this.#muted.current;
	}
	set muted(v: boolean) {
		this.#muted.current = v;
	}

	/** The camera last used ('' for the default one). */
	get cameraId(): string {
		return this.#cameraId.current;
	}
	set cameraId(v: string) {
		this.#cameraId.current = v;
	}

	get safetyAcknowledged(): boolean {
		return this.#safety.current;
	}
	set safetyAcknowledged(v: boolean) {
		this.#safety.current = v;
	}

	/** Speech volume, 0–1 (1 is the system's full volume). */
	get volume(): number {
		return this.#volume.current;
	}
	set volume(v: number) {
		if (isVolume(v)) this.#volume.current = v;
	}

	/** How far from upright counts as slouched, for the posture monitor. */
	get postureSensitivity(): Sensitivity {
		return this.#sensitivity.current;
	}
	set postureSensitivity(v: Sensitivity) {
		this.#sensitivity.current = v;
	}

	/** Seconds of continuous slouching before the posture monitor nudges. */
	get postureGraceSeconds(): number {
		return this.#grace.current;
	}
	set postureGraceSeconds(v: number) {
		const n = Math.round(v);
		if (Number.isFinite(n)) {
			this.#grace.current = Math.min(GRACE_SECONDS.max, Math.max(GRACE_SECONDS.min, n));
		}
	}

	/** Minutes of sitting before a break reminder; 0 is off. */
	get breakReminderMinutes(): number {
		return this.#breakMinutes.current;
	}
	set breakReminderMinutes(v: number) {
		const n = Math.round(v);
		if (!Number.isFinite(n)) return;
		this.#breakMinutes.current =
			n <= 0 ? 0 : Math.min(BREAK_MINUTES.max, Math.max(BREAK_MINUTES.min, n));
	}

	/** When reminders stay silent (see {@link inQuietHours}). */
	get quietHours(): QuietHours {
		return this.#quiet.current;
	}
	set quietHours(v: QuietHours) {
		if (isQuietHours(v)) this.#quiet.current = { enabled: v.enabled, start: v.start, end: v.end };
	}

	/** The preferences as plain JSON, for an export. */
	preferences(): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const [name, e] of Object.entries(this.#portable)) out[name] = e.p.current;
		return out;
	}

	/**
	 * Applies preferences from an export; each value is checked like a stored one and a bad or
	 * unknown one is skipped. Returns the names applied.
	 */
	applyPreferences(values: Record<string, unknown>): string[] {
		const applied: string[] = [];
		for (const [name, e] of Object.entries(this.#portable)) {
			if (!Object.hasOwn(values, name) || !e.valid(values[name])) continue;
			e.p.current = values[name];
			applied.push(name);
		}
		return applied;
	}

	/** Every preference and the remembered camera back to its default (the safety note stays). */
	resetPreferences(): void {
		for (const e of Object.values(this.#portable)) e.p.current = e.fallback;
		this.#cameraId.current = '';
	}
}
