/**
 * CSV as RFC 4180 writes it: comma separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote, a line break or edge spaces, and quotes inside doubled. Small enough that a
 * dependency would not pay for itself.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab / CR) as a formula, so text cells
 * starting that way get a leading apostrophe (OWASP "CSV injection"). Imported files can carry
 * any text, and a cue or a routine name must never run in someone's spreadsheet. Numbers are
 * written as numbers and keep their sign.
 */

export type CsvCell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: CsvCell): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	const text = FORMULA_START.test(v) ? `'${v}` : v;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows as one CSV text (ending with CRLF). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
	const lines = [header.map(csvCell).join(',')];
	for (const row of rows) {
		if (row.length !== header.length) {
			throw new RangeError(`CSV row has ${row.length} cells, the header ${header.length}`);
		}
		lines.push(row.map(csvCell).join(','));
	}
	return lines.join('\r\n') + '\r\n';
}
