import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type BilledLine, postRemittedClaim } from '../../domain/billing';
import { read835 } from './read-835';

const d = Temporal.PlainDate.from;

/**
 * Written by hand after the 005010X221A1 guide's layout (not by our code): one payment of $230 for two claims.
 * PCN-1: 90853 billed 150, paid 120, CO-45 30 (over the contracted fee); 90834 billed 120, paid 110, PR-1 5
 * (deductible) and PR-2 5 (coinsurance). PCN-2: 80305 billed 25, denied CO-197 (no authorization).
 */
const FIXTURE = [
  'ISA*00*          *00*          *ZZ*ACME           *ZZ*RB001          *260320*0900*^*00501*000000777*0*T*:~',
  'GS*HP*ACME*RB001*20260320*0900*777*X*005010X221A1~',
  'ST*835*0001~',
  'BPR*I*230*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260320~',
  'TRN*1*EFT-5521*1512345678~',
  'DTM*405*20260320~',
  'N1*PR*ACME HEALTH~',
  'N3*1 PAYER WAY~',
  'N4*HARTFORD*CT*06101~',
  'PER*BL*PROVIDER SERVICES*TE*8005550100~',
  'N1*PE*RIVERBEND RECOVERY*XX*1999999992~',
  'LX*1~',
  'CLP*PCN-1*1*270*230*10*12*PAYER-1001~',
  'NM1*QC*1*ONEIL*DANA****MI*XYZ123456~',
  'DTM*232*20260302~',
  'SVC*HC:90853*150*120**1~',
  'DTM*472*20260302~',
  'CAS*CO*45*30~',
  'AMT*B6*120~',
  'SVC*HC:90834*120*110**1~',
  'DTM*472*20260304~',
  'CAS*PR*1*5**2*5~',
  'AMT*B6*110~',
  'CLP*PCN-2*4*25*0*0*12*PAYER-1002~',
  'NM1*QC*1*NEIL*SAM****MI*XYZ123456~',
  'SVC*HC:80305*25*0**1~',
  'DTM*472*20260303~',
  'CAS*CO*197*25~',
  'SE*27*0001~',
  'GE*1*777~',
  'IEA*1*000000777~',
].join('\n');

const BILLED_1: BilledLine[] = [
  { lineId: 'line-a', code: '90853', serviceDate: d('2026-03-02'), chargeCents: 15_000 },
  { lineId: 'line-b', code: '90834', serviceDate: d('2026-03-04'), chargeCents: 12_000 },
];
const BILLED_2: BilledLine[] = [
  { lineId: 'line-c', code: '80305', serviceDate: d('2026-03-03'), chargeCents: 2_500 },
];

describe('835 remittance: the hand-written fixture posts exactly', () => {
  it('reads the payment, the payer and both claims', () => {
    const remittance = read835(FIXTURE);
    expect(remittance).toMatchObject({
      payerName: 'ACME HEALTH',
      paymentCents: 23_000,
      traceNumber: 'EFT-5521',
      paymentDate: d('2026-03-20'),
    });
    expect(remittance.claims.map((c) => [c.patientControlNumber, c.statusCode, c.paidCents])).toEqual([
      ['PCN-1', '1', 23_000],
      ['PCN-2', '4', 0],
    ]);
  });

  it('a paid line, a CO-45 write-off and PR-1/PR-2 to the patient', () => {
    const [claim] = read835(FIXTURE).claims;
    if (!claim) throw new Error('no claim read');
    const posting = postRemittedClaim(BILLED_1, claim);
    expect(posting).toEqual({
      matched: true,
      reversal: false,
      lines: [
        {
          lineId: 'line-a',
          paidCents: 12_000,
          writeOffCents: 3_000,
          patientResponsibilityCents: 0,
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 3_000, text: 'Charge above the contracted fee' },
          ],
        },
        {
          lineId: 'line-b',
          paidCents: 11_000,
          writeOffCents: 0,
          patientResponsibilityCents: 1_000,
          adjustments: [
            { group: 'PR', reason: '1', amountCents: 500, text: 'Deductible' },
            { group: 'PR', reason: '2', amountCents: 500, text: 'Coinsurance' },
          ],
        },
      ],
    });
  });

  it('a CO-197 authorization denial goes to the work queue with its reason', () => {
    const [, claim] = read835(FIXTURE).claims;
    if (!claim) throw new Error('no claim read');
    const posting = postRemittedClaim(BILLED_2, claim);
    expect(posting).toMatchObject({
      matched: true,
      lines: [
        {
          lineId: 'line-c',
          paidCents: 0,
          writeOffCents: 2_500,
          patientResponsibilityCents: 0,
          denial: { reason: 'CO-197', text: 'No prior authorization, precertification or notification' },
        },
      ],
    });
  });

  it('a line the clinic never billed is not posted', () => {
    const [claim] = read835(FIXTURE).claims;
    if (!claim) throw new Error('no claim read');
    expect(postRemittedClaim(BILLED_2, claim)).toMatchObject({ matched: false });
  });
});

describe('a malformed or foreign file is refused whole, naming the segment and element', () => {
  const refused = (file: string) => {
    try {
      read835(file);
    } catch (err) {
      return (err as { fields?: unknown }).fields;
    }
    return 'accepted';
  };

  it.each([
    {
      case: 'the claim does not balance',
      file: FIXTURE.replace('CAS*CO*45*30~', 'CAS*CO*45*20~'),
      fields: [
        { path: 'segments.16.SVC03', message: 'charge − paid does not equal the line adjustments' },
        { path: 'segments.13.CLP04', message: 'charge − paid does not equal the adjustments' },
      ],
    },
    {
      case: 'patient responsibility does not match PR',
      file: FIXTURE.replace('CLP*PCN-1*1*270*230*10*', 'CLP*PCN-1*1*270*230*40*'),
      fields: [
        { path: 'segments.13.CLP05', message: 'does not equal the patient-responsibility adjustments' },
      ],
    },
    {
      case: 'the payment does not match the claims',
      file: FIXTURE.replace('BPR*I*230*', 'BPR*I*231*'),
      fields: [
        { path: 'segments.4.BPR02', message: 'does not equal the claims paid less provider adjustments' },
      ],
    },
    {
      case: 'an amount that is not a number',
      file: FIXTURE.replace('SVC*HC:90834*120*110', 'SVC*HC:90834*12O*110'),
      fields: [{ path: 'segments.20.SVC02', message: 'must be an amount' }],
    },
    {
      case: 'an unknown adjustment group',
      file: FIXTURE.replace('CAS*CO*197*25~', 'CAS*XX*197*25~'),
      fields: [{ path: 'segments.28.CAS01', message: 'must be CO, PR, OA, PI or CR' }],
    },
    {
      case: 'an 837 instead of an 835',
      file: FIXTURE.replace('005010X221A1', '005010X222A1'),
      fields: [{ path: 'segments.2.GS08', message: 'must be 005010X221A1 (an 835)' }],
    },
  ])('$case', ({ file, fields }) => {
    expect(refused(file)).toEqual(fields);
  });

  it('a wrong segment count is caught by the parser', () => {
    expect(refused(FIXTURE.replace('SE*27*', 'SE*26*'))).toEqual([
      { path: 'file', message: expect.stringContaining('SE01') },
    ]);
  });

  it('text that is not X12 at all', () => {
    expect(refused('hello')).toEqual([{ path: 'file', message: expect.any(String) }]);
  });
});
