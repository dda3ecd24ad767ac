import { CsvError, parse } from 'csv-parse/sync';
import { Temporal } from 'temporal-polyfill';

export type Participant = { name: string; email: string | null; minutes: number };
export type CsvProblem = { line: number; message: string };

/**
 * The file's records with the line each starts on (a quoted field may hold commas and line breaks). Line
 * breaks become \n first: csv-parse counts a \r\n inside a quoted field as two lines.
 */
function records(csv: string): { line: number; cells: string[] }[] {
  const parsed = parse(csv.replace(/\r\n?/g, '\n'), {
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
  }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  let next = 1;
  const out: { line: number; cells: string[] }[] = [];
  for (const { record, info } of parsed) {
    if (record.some((cell) => cell.trim() !== '')) out.push({ line: next, cells: record });
    next = info.lines + 1;
  }
  return out;
}

/**
 * A video platform's participant export (name, email, join, leave; one row per join) as minutes per person:
 * a person who dropped and rejoined has several rows and their minutes are summed. Times without an offset
 * are wall-clock times in the program's zone. Rows are keyed by email when present, else by name.
 */
export function participantMinutes(
  csv: string,
  timeZone: string,
): { participants: Participant[]; problems: CsvProblem[] } {
  let rows: { line: number; cells: string[] }[];
  try {
    rows = records(csv);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines ?? 1;
    return {
      participants: [],
      problems: [{ line, message: 'The file is not valid CSV (a quote is not closed).' }],
    };
  }
  const problems: CsvProblem[] = [];
  if (rows.length === 0) return { participants: [], problems: [{ line: 1, message: 'The file is empty.' }] };
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.some((n) => h.includes(n)));
  const nameCol = col('name');
  const emailCol = col('email');
  const joinCol = col('join');
  const leaveCol = col('leave');
  if (nameCol < 0 || joinCol < 0 || leaveCol < 0) {
    return { participants: [], problems: [{ line: 1, message: 'Needs name, join and leave columns.' }] };
  }
  const byKey = new Map<string, Participant>();
  for (const { line, cells } of rows.slice(1)) {
    const name = (cells[nameCol] ?? '').trim();
    const email = emailCol >= 0 ? (cells[emailCol] ?? '').trim().toLowerCase() || null : null;
    const join = instantOf(cells[joinCol] ?? '', timeZone);
    const leave = instantOf(cells[leaveCol] ?? '', timeZone);
    if (!name || !join || !leave || Temporal.Instant.compare(leave, join) < 0) {
      problems.push({ line, message: 'Needs a name and join and leave times, leave not before join.' });
      continue;
    }
    const minutes = Math.round(join.until(leave).total('minutes'));
    const key = email ?? `name:${name.toLowerCase()}`;
    const found = byKey.get(key);
    if (found) found.minutes += minutes;
    else byKey.set(key, { name, email, minutes });
  }
  return { participants: [...byKey.values()], problems };
}

function instantOf(text: string, timeZone: string): Temporal.Instant | null {
  const value = text.trim().replace(' ', 'T');
  try {
    if (/[zZ]$|[+-]\d\d:?\d\d$/.test(value)) return Temporal.Instant.from(value);
    return Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).toInstant();
  } catch {
    return null;
  }
}
