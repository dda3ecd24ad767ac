import fc from 'fast-check';

/** Values that break a request in one place: odd unicode, huge strings, wrong types, impossible dates. */

const HUGE = 'x'.repeat(200_000);
const nasty = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff lone surrogate',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ',
  '\u202eevil',
  'Ω≈ç√∫˜µ≤≥÷',
  'ǅ ǈ ǋ',
  'ß'.repeat(300),
  "Robert'); DROP TABLE patients;--",
  "' OR '1'='1",
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, sent as plain text.
  '${jndi:ldap://x}',
  '\\',
  '"',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '0x10',
  '9'.repeat(40),
  '2023-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '-271821-04-20',
  '2024-02-29T25:61:00Z',
  '2024-03-10T02:30:00-06:00',
  '1990-01-01 00:00',
  '01/02/1990',
  '24:00',
  '23:60',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  'e7a3f2c0-0000-4000-8000-000000000000x',
  HUGE,
  'é'.repeat(5000),
  '\n\r\t',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** Any JSON value that is probably the wrong type for the field it lands in. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      2 ** 31,
      -(2 ** 53),
      Number.MAX_SAFE_INTEGER,
      1e300,
      [],
      {},
      [null],
      { $gt: '' },
      { __proto__: { admin: true } },
      { constructor: { prototype: {} } },
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

// ---------------------------------------------------------------------------------------------------------
// Values that follow the schema (so the request gets past validation and into the handler)
