import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/** A strict RFC 4180 reader, for round-trip checks only. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i += 2;
				continue;
			}
			if (c === '"') quoted = false;
			else cell += c;
			i++;
			continue;
		}
		if (c === '"' && cell === '') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
		i++;
	}
	if (cell !== '' || row.length) throw new Error('CSV must end with CRLF');
	return rows;
}

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\rhere', '"cr\rhere"'],
		[' padded ', '" padded "'],
		['', ''],
		[null, ''],
		[undefined, ''],
		[0, '0'],
		[-3.5, '-3.5'],
		[NaN, ''],
		[true, 'true']
	])('%j → %s', (v, want) => expect(csvCell(v)).toBe(want));

	it.each([
		['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
		['+1', "'+1"],
		['-cmd', "'-cmd"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"]
	])('defuses the formula %j', (v, want) => expect(csvCell(v)).toBe(want));
});

describe('toCsv', () => {
	it('writes a header and rows with CRLF line ends', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[null, 'y,z']
				]
			)
		).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
	});

	it('round-trips awkward text through a strict reader', () => {
		const nasty = [
			'comma, here',
			'quote " here',
			'""',
			'line\r\nbreak',
			' lead',
			'trail ',
			'é ✓ 中文',
			''
		];
		const text = toCsv(
			['n', 'text'],
			nasty.map((t, i) => [i, t])
		);
		expect(parseCsv(text)).toEqual([['n', 'text'], ...nasty.map((t, i) => [String(i), t])]);
	});

	it('refuses a row that does not match the header', () => {
		expect(() => toCsv(['a', 'b'], [[1]])).toThrow(RangeError);
	});
});
