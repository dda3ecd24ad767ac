import { describe, expect, it } from 'vitest';
import { visibleText, webLink } from './safe-text';

describe('visibleText', () => {
  const name = visibleText(100);
  it.each([
    ['Riley'],
    ['Zoë Ōkafor-Núñez'],
    ['李小龍'],
    ['👩‍⚕️ Dana'], // a zero-width joiner inside an emoji sequence is fine
  ])('accepts %j', (value) => {
    expect(name.safeParse(value).success).toBe(true);
  });
  it.each([
    ['\u200B\u200B', 'visible'],
    ['\u200D\u2060\uFEFF', 'visible'],
    ['\u0007\u0008', 'control'],
    ['Riley\u202Eyelir', 'control'],
    ['\u2066Riley\u2069', 'control'],
    ['   ', 'empty'],
  ])('refuses %j', (value, reason) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message.toLowerCase()).toContain(reason === 'empty' ? 'empty' : reason);
  });
});

describe('webLink', () => {
  const link = webLink(500);
  it.each([['https://meet.example.org/room/42'], ['http://localhost:3000/room'], ['http://127.0.0.1/x']])(
    'accepts %s',
    (value) => {
      expect(link.safeParse(value).success).toBe(true);
    },
  );
  it.each([
    ['http://meet.example.org/room'],
    ['javascript:alert(1)'],
    ['ftp://example.org/x'],
    ['not a url'],
  ])('refuses %s', (value) => {
    expect(link.safeParse(value).success).toBe(false);
  });
});
