import { describe, expect, it } from 'vitest';
import {
	BREAK_MINUTES,
	DEFAULT_QUIET_HOURS,
	GRACE_SECONDS,
	inQuietHours,
	isQuietHours,
	Settings
} from './settings.svelte';
import { memoryStorage } from '../storage/local';

const models = ['movenet-lightning', 'blazepose-lite'];
const make = (storage = memoryStorage()) =>
	new Settings({ storage, models, defaultModel: 'movenet-lightning' });

describe('Settings: voice volume and posture preferences', () => {
	it('starts from the documented defaults', () => {
		const s = make();
		expect(s.volume).toBe(1);
		expect(s.postureSensitivity).toBe('normal');
		expect(s.postureGraceSeconds).toBe(30);
		expect(s.breakReminderMinutes).toBe(45);
		expect(s.quietHours).toEqual(DEFAULT_QUIET_HOURS);
	});

	it('remembers them across instances (a later visit)', () => {
		const storage = memoryStorage();
		const a = make(storage);
		a.volume = 0.4;
		a.postureSensitivity = 'strict';
		a.postureGraceSeconds = 90;
		a.breakReminderMinutes = 0;
		a.quietHours = { enabled: true, start: '21:30', end: '06:45' };
		const b = make(storage);
		expect([b.volume, b.postureSensitivity, b.postureGraceSeconds, b.breakReminderMinutes]).toEqual(
			[0.4, 'strict', 90, 0]
		);
		expect(b.quietHours).toEqual({ enabled: true, start: '21:30', end: '06:45' });
	});

	it('clamps numbers into range and ignores values that are not numbers', () => {
		const s = make();
		s.postureGraceSeconds = 1;
		expect(s.postureGraceSeconds).toBe(GRACE_SECONDS.min);
		s.postureGraceSeconds = 1e9;
		expect(s.postureGraceSeconds).toBe(GRACE_SECONDS.max);
		s.postureGraceSeconds = NaN;
		expect(s.postureGraceSeconds).toBe(GRACE_SECONDS.max);
		s.breakReminderMinutes = 3;
		expect(s.breakReminderMinutes).toBe(BREAK_MINUTES.min);
		s.breakReminderMinutes = -5;
		expect(s.breakReminderMinutes).toBe(0);
		s.volume = 2;
		expect(s.volume).toBe(1);
		s.quietHours = { enabled: true, start: '25:00', end: '07:00' };
		expect(s.quietHours).toEqual(DEFAULT_QUIET_HOURS);
	});

	it('falls back to defaults for corrupt stored values', () => {
		const storage = memoryStorage();
		storage.setItem('scapula:volume', '7');
		storage.setItem('scapula:posture-sensitivity', '"grumpy"');
		storage.setItem('scapula:posture-grace', '2.5');
		storage.setItem('scapula:break-minutes', '"45"');
		storage.setItem('scapula:quiet-hours', '{"enabled":true,"start":"9:00","end":"07:00"}');
		const s = make(storage);
		expect(s.volume).toBe(1);
		expect(s.postureSensitivity).toBe('normal');
		expect(s.postureGraceSeconds).toBe(30);
		expect(s.breakReminderMinutes).toBe(45);
		expect(s.quietHours).toEqual(DEFAULT_QUIET_HOURS);
	});

	it('exports preferences and applies only valid ones back', () => {
		const a = make();
		a.model = 'blazepose-lite';
		a.volume = 0.5;
		a.postureSensitivity = 'gentle';
		a.cameraId = 'device-specific';
		const prefs = a.preferences();
		expect(prefs).not.toHaveProperty('cameraId');
		expect(prefs).not.toHaveProperty('safetyAcknowledged');

		const b = make();
		const applied = b.applyPreferences({
			...prefs,
			backend: 'quantum',
			postureGraceSeconds: -1,
			unknown: 1
		});
		expect(applied).not.toContain('backend');
		expect(applied).not.toContain('postureGraceSeconds');
		expect(applied).not.toContain('unknown');
		expect([b.model, b.volume, b.postureSensitivity, b.backend, b.postureGraceSeconds]).toEqual([
			'blazepose-lite',
			0.5,
			'gentle',
			'auto',
			30
		]);
	});

	it('resets preferences and the camera, but not the safety acknowledgement', () => {
		const s = make();
		s.model = 'blazepose-lite';
		s.muted = true;
		s.cameraId = 'cam';
		s.safetyAcknowledged = true;
		s.breakReminderMinutes = 60;
		s.resetPreferences();
		expect([s.model, s.muted, s.cameraId, s.breakReminderMinutes, s.safetyAcknowledged]).toEqual([
			'movenet-lightning',
			false,
			'',
			45,
			true
		]);
	});
});

describe('inQuietHours', () => {
	const at = (hhmm: string) =>
		new Date(2025, 4, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)));
	const overnight = { enabled: true, start: '22:00', end: '07:00' };
	const lunch = { enabled: true, start: '12:00', end: '13:00' };

	it.each([
		[overnight, '21:59', false],
		[overnight, '22:00', true],
		[overnight, '03:00', true],
		[overnight, '06:59', true],
		[overnight, '07:00', false],
		[lunch, '11:59', false],
		[lunch, '12:30', true],
		[lunch, '13:00', false],
		[{ ...overnight, enabled: false }, '23:00', false],
		[{ enabled: true, start: '08:00', end: '08:00' }, '15:00', true]
	])('%o at %s → %s', (q, time, expected) => {
		expect(inQuietHours(q, at(time))).toBe(expected);
	});

	it('validates the shape', () => {
		expect(isQuietHours(DEFAULT_QUIET_HOURS)).toBe(true);
		expect(isQuietHours({ enabled: true, start: '24:00', end: '07:00' })).toBe(false);
		expect(isQuietHours({ start: '22:00', end: '07:00' })).toBe(false);
		expect(isQuietHours(null)).toBe(false);
	});
});
