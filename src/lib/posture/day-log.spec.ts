import { describe, expect, it } from 'vitest';
import {
	DayLog,
	dayTotals,
	dominantStatus,
	emptySeconds,
	hourlySeconds,
	KEEP_DAYS,
	SLOT_SECONDS,
	timelineRuns
} from './day-log';

const at = (hhmmss: string, date = '2025-03-03') => new Date(`${date}T${hhmmss}`).getTime();

describe('day log', () => {
	it('splits time at 5-minute slots and keeps totals for the history database', () => {
		const log = new DayLog();
		log.add('upright', at('09:03:00'), at('09:08:00'));
		log.add('not-in-position', at('09:08:00'), at('09:09:00'));
		const day = log.day('2025-03-03');
		const slot = (h: number, m: number) => day.slots[(h * 60 + m) / 5]!;
		expect(slot(9, 0).upright).toBe(120);
		expect(slot(9, 5).upright).toBe(180);
		expect(slot(9, 5)['not-in-position']).toBe(60);
		expect(log.takePending()).toEqual([
			{
				date: '2025-03-03',
				seconds: { upright: 300, slouched: 0, away: 0, unknown: 60 },
				slouchedBy: { 'forward-head': 0, 'rounded-shoulders': 0 },
				nudges: 0
			}
		]);
		// Taken: nothing pending until more time is added.
		expect(log.takePending()).toEqual([]);
	});

	it('splits at local midnight into two days', () => {
		const log = new DayLog();
		log.add('slouched', at('23:59:00', '2025-03-03'), at('00:01:30', '2025-03-04'));
		expect(dayTotals(log.day('2025-03-03')).slouched).toBe(60);
		expect(dayTotals(log.day('2025-03-04')).slouched).toBe(90);
		expect(log.takePending().map((p) => [p.date, p.seconds.slouched])).toEqual([
			['2025-03-03', 60],
			['2025-03-04', 90]
		]);
	});

	it('puts slouched time down to its cause for the history totals, and puts it back on failure', () => {
		const log = new DayLog();
		log.add('slouched', at('10:00:00'), at('10:01:00'), 'forward-head');
		log.add('slouched', at('10:01:00'), at('10:01:20'), 'rounded-shoulders');
		log.add('slouched', at('10:01:20'), at('10:01:30'));
		// A cause with another status (it should not come) counts nothing.
		log.add('upright', at('10:01:30'), at('10:02:00'), 'forward-head');
		const taken = log.takePending();
		expect(taken).toHaveLength(1);
		expect(taken[0]!.seconds.slouched).toBe(90);
		expect(taken[0]!.slouchedBy).toEqual({ 'forward-head': 60, 'rounded-shoulders': 20 });
		log.restorePending(taken);
		log.add('slouched', at('10:02:00'), at('10:02:05'), 'rounded-shoulders');
		expect(log.takePending()[0]!.slouchedBy).toEqual({
			'forward-head': 60,
			'rounded-shoulders': 25
		});
	});

	it('counts nudges; puts back totals whose write failed', () => {
		const log = new DayLog();
		log.add('slouched', at('10:00:00'), at('10:00:40'));
		log.nudge(at('10:00:30'));
		const taken = log.takePending();
		expect(taken[0]!.nudges).toBe(1);
		log.restorePending(taken);
		log.add('slouched', at('10:00:40'), at('10:00:50'));
		expect(log.takePending()[0]!.seconds.slouched).toBe(50);
		expect(log.day('2025-03-03').nudges).toBe(1);
	});

	it('round-trips through JSON, keeps the last days, and drops what it cannot read', () => {
		const log = new DayLog();
		for (let d = 1; d <= 9; d++) {
			const date = `2025-03-0${d}`;
			log.add('upright', at('09:00:00', date), at('09:10:00', date));
		}
		const json = JSON.parse(JSON.stringify(log));
		expect(json).toHaveLength(KEEP_DAYS);
		const again = new DayLog(json);
		expect(again.day('2025-03-09')).toEqual(log.day('2025-03-09'));
		expect(again.day('2025-03-01').slots).toEqual({});
		const junk = new DayLog([
			null,
			{ date: 'yesterday', slots: {} },
			{ date: '2025-03-03', slots: { 5: { upright: -1 }, 999: { upright: 1 }, 6: { upright: 30 } } }
		]);
		expect(Object.keys(junk.day('2025-03-03').slots)).toEqual(['6']);
		expect(new DayLog('nonsense').toJSON()).toEqual([]);
	});

	it('ignores empty or backwards spans; a slot never holds more than its length', () => {
		const log = new DayLog();
		log.add('upright', at('09:00:00'), at('09:00:00'));
		log.add('upright', at('09:01:00'), at('09:00:00'));
		log.add('upright', NaN, at('09:00:00'));
		expect(log.takePending()).toEqual([]);
		log.add('upright', at('09:00:00'), at('09:05:00'));
		log.add('upright', at('09:00:00'), at('09:05:00'));
		expect(log.day('2025-03-03').slots[108]!.upright).toBe(SLOT_SECONDS);
	});
});

describe('summaries', () => {
	it('runs of the main status, hourly sums and totals', () => {
		const log = new DayLog();
		log.add('upright', at('09:00:00'), at('09:10:00'));
		log.add('slouched', at('09:10:00'), at('09:14:00'));
		log.add('upright', at('09:14:00'), at('09:15:00'));
		log.add('away', at('10:00:00'), at('10:05:00'));
		const day = log.day('2025-03-03');
		expect(timelineRuns(day)).toEqual([
			{ status: 'upright', startMinute: 540, endMinute: 550 },
			{ status: 'slouched', startMinute: 550, endMinute: 555 },
			{ status: 'away', startMinute: 600, endMinute: 605 }
		]);
		const hours = hourlySeconds(day);
		expect(hours).toHaveLength(24);
		expect(hours[9]).toMatchObject({ upright: 660, slouched: 240 });
		expect(hours[10]!.away).toBe(300);
		expect(dayTotals(day)).toMatchObject({ upright: 660, slouched: 240, away: 300 });
		expect(dominantStatus(undefined)).toBeNull();
		expect(dominantStatus(emptySeconds())).toBeNull();
	});
});
