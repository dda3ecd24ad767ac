import { describe, expect, it } from 'vitest';
import { participantMinutes } from './participant-csv';

describe('participantMinutes', () => {
  it('sums a rejoin, keys by email, and reads local times in the program zone', () => {
    const csv = [
      'Name (original name),User Email,Join Time,Leave Time',
      'Ana Okafor,ana@example.org,2032-03-01 18:00:00,2032-03-01 19:10:00',
      '"Okafor, Ana",ANA@example.org,2032-03-01 19:15:00,2032-03-01 21:00:00',
      'Sam Bell,,2032-03-01T18:05:00-06:00,2032-03-01T21:00:00-06:00',
      'Broken,,soon,later',
    ].join('\n');
    const { participants, problems } = participantMinutes(csv, 'America/Chicago');
    expect(participants).toEqual([
      { name: 'Ana Okafor', email: 'ana@example.org', minutes: 175 },
      { name: 'Sam Bell', email: null, minutes: 175 },
    ]);
    expect(problems).toEqual([{ line: 5, message: expect.any(String) }]);
  });

  it('refuses a file without join and leave columns', () => {
    expect(participantMinutes('name,email\nA,a@x.org', 'UTC').problems[0]!.line).toBe(1);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and names the line a bad row starts on', () => {
    const csv = [
      'Name,Email,Join,Leave',
      '"Bell, Sam ""Sammy""",sam@example.org,2032-03-01T18:00:00Z,2032-03-01T19:00:00Z',
      '"Rivera,',
      'Jordan",,2032-03-01T18:00:00Z,2032-03-01T18:30:00Z',
      '',
      '"Two',
      'lines",,later,soon',
    ].join('\r\n');
    const { participants, problems } = participantMinutes(csv, 'UTC');
    expect(participants).toEqual([
      { name: 'Bell, Sam "Sammy"', email: 'sam@example.org', minutes: 60 },
      { name: 'Rivera,\nJordan', email: null, minutes: 30 },
    ]);
    expect(problems).toEqual([{ line: 6, message: expect.any(String) }]);
  });

  it('answers a quote left open as a problem on its line, not a crash', () => {
    const csv = 'Name,Join,Leave\n"Ana,2032-03-01T18:00:00Z,2032-03-01T19:00:00Z\n';
    expect(participantMinutes(csv, 'UTC')).toEqual({
      participants: [],
      problems: [{ line: expect.any(Number), message: expect.any(String) }],
    });
  });
});
