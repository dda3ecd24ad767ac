import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { readX12, type Segment } from '../test-support/x12-read-back';
import { build837, x12Amount } from './build-837';
import type { Claim, ClaimBatch } from './claim-batch';

/**
 * The 837s are read back with x12-parser, a second library that shares nothing with node-x12 (which writes
 * them), and checked against the 5010 guides: envelopes and counts, the HL tree, CLM02 = Σ line charges,
 * and each loop's required segments.
 */
const parse = readX12;

const d = Temporal.PlainDate.from;
const ADDRESS = { line1: '100 River Rd', city: 'Chicago', state: 'IL', postalCode: '60601-1234' };

function claim(pcn: string, over: Partial<Claim> = {}): Claim {
  return {
    patientControlNumber: pcn,
    subscriber: {
      lastName: "O'Neil",
      firstName: 'Dana',
      memberId: 'XYZ123456',
      groupNumber: 'G100',
      dateOfBirth: d('1988-04-02'),
      sex: 'F',
      address: ADDRESS,
    },
    payerResponsibility: 'P',
    frequency: '1',
    diagnosisCodes: ['F10.20', 'F41.1'],
    priorAuthorization: 'AUTH-778',
    placeOfService: '11',
    provider: { lastName: 'Reyes', firstName: 'Ana', npi: '1234567893' },
    lines: [
      {
        serviceDate: d('2026-03-02'),
        code: '90853',
        chargeCents: 15_000,
        units: 1,
        diagnosisPointers: [1, 2],
      },
      { serviceDate: d('2026-03-04'), code: '90834', chargeCents: 12_050, units: 1 },
    ],
    ...over,
  };
}

const PROFESSIONAL: ClaimBatch = {
  claimType: '837P',
  interchangeControlNumber: 42,
  createdAt: Temporal.PlainDateTime.from('2026-03-09T14:05'),
  usage: 'T',
  submitter: {
    name: 'Riverbend Recovery',
    id: 'RB001',
    contactName: 'Billing Office',
    contactPhone: '(312) 555-0100',
  },
  receiver: { name: 'Acme Health', id: 'ACME' },
  billingProvider: {
    name: 'Riverbend Recovery',
    npi: '1999999992',
    taxId: '36-1234567',
    taxonomy: '261QR0405X',
    address: ADDRESS,
  },
  payer: { name: 'Acme Health', id: '60054', claimFilingIndicator: 'CI' },
  claims: [
    claim('PCN-1'),
    claim('PCN-2', {
      patient: {
        lastName: 'Neil',
        firstName: 'Sam',
        relationship: '19',
        dateOfBirth: d('2010-06-01'),
        sex: 'M',
        address: ADDRESS,
      },
      lines: [{ serviceDate: d('2026-03-03'), code: '80305', chargeCents: 2_500, units: 1 }],
    }),
  ],
};

const INSTITUTIONAL: ClaimBatch = {
  ...PROFESSIONAL,
  claimType: '837I',
  interchangeControlNumber: 43,
  payer: { name: 'Medicare', id: '00952', claimFilingIndicator: 'MA' },
  claims: [
    claim('PCN-3', {
      placeOfService: undefined,
      facilityTypeCode: '13',
      conditionCodes: ['92'],
      statementFrom: d('2026-03-02'),
      statementThrough: d('2026-03-06'),
      patientStatus: '30',
      lines: [
        { serviceDate: d('2026-03-02'), code: '90853', revenueCode: '0906', chargeCents: 20_000, units: 1 },
        { serviceDate: d('2026-03-02'), code: 'H0005', revenueCode: '0906', chargeCents: 9_000, units: 1 },
        { serviceDate: d('2026-03-02'), code: '90834', revenueCode: '0906', chargeCents: 12_000, units: 1 },
      ],
    }),
  ],
};

function between(segments: Segment[], start: string, end: string): Segment[] {
  const from = segments.findIndex((s) => s.name === start);
  const to = segments.findIndex((s) => s.name === end);
  return segments.slice(from, to + 1);
}

/** The claim loops: from each CLM to the next HL, CLM or SE. */
function claimLoops(segments: Segment[]): Segment[][] {
  const loops: Segment[][] = [];
  for (const [i, s] of segments.entries()) {
    if (s.name !== 'CLM') continue;
    const rest = segments.slice(i + 1);
    const end = rest.findIndex((n) => n.name === 'HL' || n.name === 'CLM' || n.name === 'SE');
    loops.push([s, ...rest.slice(0, end)]);
  }
  return loops;
}

const dollars = (value: string | undefined) => Math.round(Number(value) * 100);

describe.each([
  { batch: PROFESSIONAL, guide: '005010X222A1', line: 'SV1', chargeAt: '2' },
  { batch: INSTITUTIONAL, guide: '005010X223A2', line: 'SV2', chargeAt: '3' },
])('$batch.claimType read back by an independent parser', ({ batch, guide, line, chargeAt }) => {
  it('envelopes: control numbers match their trailers and the counts are right', async () => {
    const segments = await parse(build837(batch));
    const [isa, gs, st] = [segments[0], segments[1], segments[2]];
    const [se, ge, iea] = segments.slice(-3);
    expect([isa?.name, gs?.name, st?.name, se?.name, ge?.name, iea?.name]).toEqual([
      'ISA',
      'GS',
      'ST',
      'SE',
      'GE',
      'IEA',
    ]);
    expect(Number(isa?.['13'])).toBe(batch.interchangeControlNumber);
    expect(isa?.['13']).toBe(iea?.['2']);
    expect(iea?.['1']).toBe('1');
    expect(gs?.['6']).toBe(ge?.['2']);
    expect(ge?.['1']).toBe('1');
    expect(gs?.['8']).toBe(guide);
    expect(st?.['1']).toBe('837');
    expect(st?.['3']).toBe(guide);
    expect(st?.['2']).toBe(se?.['2']);
    expect(Number(se?.['1'])).toBe(between(segments, 'ST', 'SE').length);
  });

  it('the HL tree: each level points at an earlier parent, billing provider → subscriber → patient', async () => {
    const hls = (await parse(build837(batch))).filter((s) => s.name === 'HL');
    const levelOf = new Map<string, string>();
    for (const hl of hls) {
      const [id, parent, level] = [hl['1'] ?? '', hl['2'] ?? '', hl['3'] ?? ''];
      if (level === '20') expect(parent).toBe('');
      if (level === '22') expect(levelOf.get(parent)).toBe('20');
      if (level === '23') expect(levelOf.get(parent)).toBe('22');
      levelOf.set(id, level);
    }
    expect(hls.map((h) => h['1'])).toEqual(hls.map((_, i) => String(i + 1)));
    // HL04: does a child level follow?
    for (const [i, hl] of hls.entries()) {
      expect(hl['4']).toBe(hls[i + 1]?.['2'] === hl['1'] ? '1' : '0');
    }
  });

  it('CLM02 is the sum of the line charges, and every line has its procedure and date', async () => {
    const loops = claimLoops(await parse(build837(batch)));
    expect(loops.map((l) => l[0]?.['1'])).toEqual(batch.claims.map((c) => c.patientControlNumber));
    for (const [i, loop] of loops.entries()) {
      const lines = loop.filter((s) => s.name === line);
      expect(lines).toHaveLength(batch.claims[i]?.lines.length ?? -1);
      const sum = lines.reduce((total, s) => total + dollars(s[chargeAt]), 0);
      expect(dollars(loop[0]?.['2'])).toBe(sum);
      const lx = loop.filter((s) => s.name === 'LX');
      expect(lx.map((s) => s['1'])).toEqual(lines.map((_, n) => String(n + 1)));
      expect(loop.filter((s) => s.name === 'DTP' && s['1'] === '472')).toHaveLength(lines.length);
      expect(loop.some((s) => s.name === 'HI' && s['1'] === 'ABK')).toBe(true);
      expect(loop.find((s) => s.name === 'REF' && s['1'] === 'G1')?.['2']).toBe('AUTH-778');
    }
  });

  it('required loops: submitter, receiver, billing provider with NPI and tax id, subscriber and payer', async () => {
    const segments = await parse(build837(batch));
    const nm1 = (code: string) => segments.filter((s) => s.name === 'NM1' && s['1'] === code);
    expect(segments.find((s) => s.name === 'BHT')?.['1']).toBe('0019');
    expect(nm1('41')).toHaveLength(1);
    expect(nm1('40')).toHaveLength(1);
    expect(nm1('85')[0]?.['9']).toBe(batch.billingProvider.npi);
    expect(segments.find((s) => s.name === 'REF' && s['1'] === 'EI')?.['2']).toBe('361234567');
    expect(nm1('IL')).toHaveLength(batch.claims.length);
    expect(nm1('PR')).toHaveLength(batch.claims.length);
    expect(segments.filter((s) => s.name === 'SBR').map((s) => s['9'])).toEqual(
      batch.claims.map(() => batch.payer.claimFilingIndicator),
    );
    // Names are upper case and the apostrophe survives; delimiters never appear inside data.
    expect(nm1('IL')[0]?.['3']).toBe("O'NEIL");
  });
});

describe('837P specifics', () => {
  it('CLM05 is place of service : B : frequency; diagnoses ABK then ABF; pointers on SV1', async () => {
    const segments = await parse(build837(PROFESSIONAL));
    const clm = segments.find((s) => s.name === 'CLM');
    expect([clm?.['5'], clm?.['5-1'], clm?.['5-2']]).toEqual(['11', 'B', '1']);
    const hi = segments.find((s) => s.name === 'HI');
    expect([hi?.['1'], hi?.['1-1'], hi?.['2'], hi?.['2-1']]).toEqual(['ABK', 'F1020', 'ABF', 'F411']);
    const sv1 = segments.find((s) => s.name === 'SV1');
    expect([sv1?.['1'], sv1?.['1-1'], sv1?.['2'], sv1?.['3'], sv1?.['4'], sv1?.['7'], sv1?.['7-1']]).toEqual([
      'HC',
      '90853',
      '150',
      'UN',
      '1',
      '1',
      '2',
    ]);
    expect(segments.find((s) => s.name === 'NM1' && s['1'] === '82')?.['9']).toBe('1234567893');
  });

  it('a patient who is not the subscriber gets an HL 23 with PAT', async () => {
    const segments = await parse(build837(PROFESSIONAL));
    expect(segments.find((s) => s.name === 'PAT')?.['1']).toBe('19');
    expect(segments.find((s) => s.name === 'NM1' && s['1'] === 'QC')?.['3']).toBe('NEIL');
  });

  it('a replacement claim carries frequency 7 and the original claim number', async () => {
    const batch = {
      ...PROFESSIONAL,
      claims: [claim('PCN-9', { frequency: '7', originalClaimNumber: 'PAYER-555' })],
    };
    const segments = await parse(build837(batch));
    expect(segments.find((s) => s.name === 'CLM')?.['5-2']).toBe('7');
    expect(segments.find((s) => s.name === 'REF' && s['1'] === 'F8')?.['2']).toBe('PAYER-555');
  });
});

describe('837I specifics (Medicare IOP)', () => {
  it('bill type, statement period, CL1, condition code 92 and a revenue code on every line', async () => {
    const segments = await parse(build837(INSTITUTIONAL));
    const clm = segments.find((s) => s.name === 'CLM');
    expect([clm?.['5'], clm?.['5-1'], clm?.['5-2']]).toEqual(['13', 'A', '1']);
    expect(segments.find((s) => s.name === 'DTP' && s['1'] === '434')?.['3']).toBe('20260302-20260306');
    expect(segments.find((s) => s.name === 'CL1')?.['3']).toBe('30');
    expect(segments.some((s) => s.name === 'HI' && s['1'] === 'BG' && s['1-1'] === '92')).toBe(true);
    const sv2 = segments.filter((s) => s.name === 'SV2');
    expect(sv2.map((s) => [s['1'], s['2-1'], s['3']])).toEqual([
      ['0906', '90853', '200'],
      ['0906', 'H0005', '90'],
      ['0906', '90834', '120'],
    ]);
    expect(segments.find((s) => s.name === 'NM1' && s['1'] === '71')?.['9']).toBe('1234567893');
  });
});

describe('a batch the guide would reject is refused with every field named', () => {
  it('bad NPIs, no lines, no diagnosis, a void without its original', () => {
    const bad: ClaimBatch = {
      ...PROFESSIONAL,
      billingProvider: { ...PROFESSIONAL.billingProvider, npi: '1999999990' },
      claims: [
        claim('X', {
          lines: [],
          diagnosisCodes: [],
          frequency: '8',
          provider: { lastName: 'A', firstName: 'B', npi: '1' },
        }),
      ],
    };
    expect(() => build837(bad)).toThrow(
      expect.objectContaining({
        fields: [
          { path: 'billingProvider.npi', message: 'The NPI check digit does not match' },
          { path: 'claims.0.lines', message: expect.any(String) },
          { path: 'claims.0.diagnosisCodes', message: expect.any(String) },
          { path: 'claims.0.originalClaimNumber', message: expect.any(String) },
          { path: 'claims.0.provider.npi', message: 'An NPI is 10 digits' },
        ],
      }),
    );
  });

  it('a control number ISA13 cannot hold, a negative charge and no units', () => {
    const first = PROFESSIONAL.claims[0];
    if (!first) throw new Error('fixture');
    const lines = [{ ...first.lines[0], chargeCents: -100, units: 0 }] as Claim['lines'];
    expect(() =>
      build837({ ...PROFESSIONAL, interchangeControlNumber: 1_000_000_000, claims: [{ ...first, lines }] }),
    ).toThrow(
      expect.objectContaining({
        fields: [
          { path: 'interchangeControlNumber', message: 'must be a whole number from 1 to 999999999' },
          { path: 'claims.0.lines.0.chargeCents', message: 'must be whole cents, 0 or more' },
          { path: 'claims.0.lines.0.units', message: 'must be a whole number, 1 or more' },
        ],
      }),
    );
  });

  it('an institutional line without its revenue code', () => {
    const first = INSTITUTIONAL.claims[0];
    if (!first) throw new Error('fixture');
    const lines = [{ ...first.lines[0], revenueCode: undefined }] as Claim['lines'];
    expect(() => build837({ ...INSTITUTIONAL, claims: [{ ...first, lines }] })).toThrow(/revenueCode/);
  });
});

describe('X12 amounts', () => {
  it.each([
    { cents: 15_000, text: '150' },
    { cents: 15_050, text: '150.5' },
    { cents: 15_055, text: '150.55' },
    { cents: 5, text: '0.05' },
    { cents: 0, text: '0' },
  ])('$cents¢ → $text', ({ cents, text }) => {
    expect(x12Amount(cents)).toBe(text);
  });
});
