import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	isoWeek,
	lastDates,
	localDate,
	splitByLocalDay,
	startOfLocalDay
} from './dates';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
/** Chile moves its clocks at midnight: 2024-09-08 began at 01:00 (local midnight never happened). */
const SANTIAGO = 'America/Santiago';
const HOUR = 3_600_000;

describe('localDate', () => {
	it('follows the wall clock, not UTC', () => {
		// 23:30 on 3 March in Los Angeles (UTC−8) is 07:30 UTC on the 4th.
		expect(localDate('2025-03-04T07:30:00Z', LA)).toBe('2025-03-03');
		expect(localDate('2025-03-04T07:30:00Z', 'UTC')).toBe('2025-03-04');
		expect(localDate('2025-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('2025-03-04');
	});
	it('accepts ms, Date and ISO strings alike', () => {
		const ms = Date.UTC(2025, 0, 1, 12);
		expect(localDate(ms, 'UTC')).toBe('2025-01-01');
		expect(localDate(new Date(ms), 'UTC')).toBe('2025-01-01');
		expect(() => localDate('nonsense')).toThrow(RangeError);
	});
});

describe('calendar arithmetic', () => {
	it.each([
		['2024-02-28', 1, '2024-02-29'],
		['2024-02-29', 1, '2024-03-01'],
		['2025-01-01', -1, '2024-12-31'],
		['2024-03-30', 2, '2024-04-01'],
		['2024-10-26', 2, '2024-10-28']
	])('%s + %d days = %s', (d, n, want) => {
		expect(addDays(d, n)).toBe(want);
		expect(daysBetween(d, want)).toBe(n);
	});
	it('lastDates lists consecutive dates ending today, oldest first', () => {
		expect(lastDates('2024-03-01', 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
		expect(lastDates('2024-03-01', 0)).toEqual([]);
	});
});

describe('isoWeek', () => {
	it.each([
		['2025-01-01', '2025-W01'],
		['2024-12-30', '2025-W01'], // Monday of the week holding 2 January's Thursday
		['2024-12-29', '2024-W52'],
		['2021-01-03', '2020-W53'], // Sunday: still 2020's 53rd week
		['2021-01-04', '2021-W01'],
		['2026-12-31', '2026-W53'],
		['2025-03-09', '2025-W10'], // Sunday ends the week
		['2025-03-10', '2025-W11']
	])('%s is in %s', (d, w) => expect(isoWeek(d)).toBe(w));
});

describe('startOfLocalDay', () => {
	it('is local midnight on ordinary days', () => {
		expect(new Date(startOfLocalDay('2024-07-01', BERLIN)).toISOString()).toBe(
			'2024-06-30T22:00:00.000Z'
		);
		expect(new Date(startOfLocalDay('2024-01-01', BERLIN)).toISOString()).toBe(
			'2023-12-31T23:00:00.000Z'
		);
		expect(new Date(startOfLocalDay('2024-03-04', LA)).toISOString()).toBe(
			'2024-03-04T08:00:00.000Z'
		);
	});
	it('gives Berlin 23 h on the spring-forward day and 25 h on the fall-back day', () => {
		const len = (d: string) => startOfLocalDay(addDays(d, 1), BERLIN) - startOfLocalDay(d, BERLIN);
		expect(len('2024-03-30')).toBe(24 * HOUR);
		expect(len('2024-03-31')).toBe(23 * HOUR);
		expect(len('2024-10-27')).toBe(25 * HOUR);
	});
	it('is the moment the clocks jumped where midnight was skipped', () => {
		// Santiago: 2024-09-07 23:59:59 −04 is followed by 2024-09-08 01:00:00 −03 (04:00 UTC).
		const start = startOfLocalDay('2024-09-08', SANTIAGO);
		expect(new Date(start).toISOString()).toBe('2024-09-08T04:00:00.000Z');
		expect(localDate(start, SANTIAGO)).toBe('2024-09-08');
		expect(localDate(start - 1000, SANTIAGO)).toBe('2024-09-07');
	});
});

describe('splitByLocalDay', () => {
	it('cuts a session at local midnight', () => {
		// 23:50–00:10 in Los Angeles, 4–5 March 2025 (08:00 UTC is local midnight).
		const start = Date.parse('2025-03-05T07:50:00Z');
		expect(splitByLocalDay(start, start + 20 * 60_000, LA)).toEqual([
			{ date: '2025-03-04', ms: 10 * 60_000 },
			{ date: '2025-03-05', ms: 10 * 60_000 }
		]);
	});
	it.each([
		['over the Berlin spring-forward', BERLIN, '2024-03-29T20:00:00Z', 80],
		['over the Berlin fall-back', BERLIN, '2024-10-25T20:00:00Z', 80],
		['over the skipped Santiago midnight', SANTIAGO, '2024-09-06T12:00:00Z', 60],
		['in Los Angeles', LA, '2025-11-01T03:00:00Z', 50]
	])('%s: pieces add up to the span, one per consecutive date', (_n, tz, iso, hours) => {
		const start = Date.parse(iso);
		const end = start + hours * HOUR + 1234;
		const pieces = splitByLocalDay(start, end, tz);
		expect(pieces.reduce((s, p) => s + p.ms, 0)).toBe(end - start);
		pieces.forEach((p, i) => {
			expect(p.ms).toBeGreaterThan(0);
			expect(p.ms).toBeLessThanOrEqual(25 * HOUR);
			if (i > 0) expect(daysBetween(pieces[i - 1]!.date, p.date)).toBe(1);
		});
	});
	it('gives 23 h to the whole spring-forward day', () => {
		const start = startOfLocalDay('2024-03-31', BERLIN);
		const pieces = splitByLocalDay(start - HOUR, start + 30 * HOUR, BERLIN);
		expect(pieces.find((p) => p.date === '2024-03-31')?.ms).toBe(23 * HOUR);
	});
	it('gives nothing for an empty or backwards span', () => {
		expect(splitByLocalDay(1000, 1000)).toEqual([]);
		expect(splitByLocalDay(2000, 1000)).toEqual([]);
	});
});
