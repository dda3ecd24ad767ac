import { Temporal } from 'temporal-polyfill';

export type Participant = { name: string; email: string | null; minutes: number };
export type CsvProblem = { line: number; message: string };

/**
 * A video platform's participant export (name, email, join, leave; one row per join) as minutes per person:
 * a person who dropped and rejoined has several rows and their minutes are summed. Times without an offset
 * are wall-clock times in the program's zone. Rows are keyed by email when present, else by name.
 */
export function participantMinutes(
  csv: string,
  timeZone: string,
): { participants: Participant[]; problems: CsvProblem[] } {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const problems: CsvProblem[] = [];
  if (lines.length === 0) return { participants: [], problems: [{ line: 1, message: 'The file is empty.' }] };
  const header = splitCsvLine(lines[0]!).map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.some((n) => h.includes(n)));
  const nameCol = col('name');
  const emailCol = col('email');
  const joinCol = col('join');
  const leaveCol = col('leave');
  if (nameCol < 0 || joinCol < 0 || leaveCol < 0) {
    return { participants: [], problems: [{ line: 1, message: 'Needs name, join and leave columns.' }] };
  }
  const byKey = new Map<string, Participant>();
  lines.slice(1).forEach((line, i) => {
    const cells = splitCsvLine(line);
    const name = (cells[nameCol] ?? '').trim();
    const email = emailCol >= 0 ? (cells[emailCol] ?? '').trim().toLowerCase() || null : null;
    const join = instantOf(cells[joinCol] ?? '', timeZone);
    const leave = instantOf(cells[leaveCol] ?? '', timeZone);
    if (!name || !join || !leave || Temporal.Instant.compare(leave, join) < 0) {
      problems.push({
        line: i + 2,
        message: 'Needs a name and join and leave times, leave not before join.',
      });
      return;
    }
    const minutes = Math.round(join.until(leave).total('minutes'));
    const key = email ?? `name:${name.toLowerCase()}`;
    const found = byKey.get(key);
    if (found) found.minutes += minutes;
    else byKey.set(key, { name, email, minutes });
  });
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

/** One CSV line's cells; double-quoted cells may hold commas and doubled quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
