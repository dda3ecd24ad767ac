import { X12Parser } from 'node-x12';
import { Temporal } from 'temporal-polyfill';
import {
  type Adjustment,
  isAdjustmentGroup,
  type RemittedClaim,
  type RemittedLine,
} from '../../domain/billing';
import { type FieldError, InputError } from '../../domain/input-error';

/**
 * Reads an X12 5010 835 (health care claim payment/advice, 005010X221A1): the payment (BPR), the payer, and
 * per claim (CLP) its adjustments (CAS) and service lines (SVC). Nothing is posted from a file that is not
 * an 835 or does not balance as the guide requires — CLP03 − CLP04 = Σ CAS of the claim and its lines,
 * SVC02 − SVC03 = Σ CAS of the line, CLP05 = Σ PR adjustments, BPR02 = Σ CLP04 − Σ PLB — so the caller can
 * post the whole file in one transaction or none of it. Every refusal names the segment by its position
 * in the file (ISA is segment 1) and the element.
 */
export type Remittance = {
  payerName: string;
  paymentCents: number;
  paymentDate?: Temporal.PlainDate;
  traceNumber: string;
  claims: RemittedClaim[];
};

type Seg = { tag: string; at: number; el: (n: number) => string };

function cents(seg: Seg, n: number, fields: FieldError[]): number {
  const value = seg.el(n);
  if (!/^-?\d+(\.\d{1,2})?$/.test(value)) {
    fields.push({
      path: `segments.${seg.at}.${seg.tag}${String(n).padStart(2, '0')}`,
      message: 'must be an amount',
    });
    return 0;
  }
  return Math.round(Number(value) * 100);
}

function date(seg: Seg, n: number, fields: FieldError[]): Temporal.PlainDate | undefined {
  const value = seg.el(n);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  try {
    if (m)
      return Temporal.PlainDate.from(
        { year: +(m[1] ?? 0), month: +(m[2] ?? 0), day: +(m[3] ?? 0) },
        { overflow: 'reject' },
      );
  } catch {
    // fall through to the field error
  }
  fields.push({
    path: `segments.${seg.at}.${seg.tag}${String(n).padStart(2, '0')}`,
    message: 'must be a date (CCYYMMDD)',
  });
  return undefined;
}

/** CAS: a group code then up to six reason / amount / quantity triplets. */
function adjustments(seg: Seg, fields: FieldError[]): Adjustment[] {
  const group = seg.el(1);
  if (!isAdjustmentGroup(group)) {
    fields.push({ path: `segments.${seg.at}.CAS01`, message: 'must be CO, PR, OA, PI or CR' });
    return [];
  }
  const out: Adjustment[] = [];
  for (let n = 2; n <= 17; n += 3) {
    const reason = seg.el(n);
    if (!reason) continue;
    out.push({ group, reason, amountCents: cents(seg, n + 1, fields) });
  }
  return out;
}

function parseSegments(file: string): Seg[] {
  let interchange: ReturnType<X12Parser['parse']>;
  try {
    interchange = new X12Parser(true).parse(file.trim());
  } catch (err) {
    throw new InputError(
      [{ path: 'file', message: err instanceof Error ? err.message : 'is not an X12 file' }],
      'x12_unreadable',
    );
  }
  if (!('functionalGroups' in interchange)) {
    throw new InputError([{ path: 'file', message: 'holds more than one interchange' }], 'x12_unreadable');
  }
  const segments: Seg[] = [];
  let at = 1; // ISA
  for (const group of interchange.functionalGroups) {
    at++; // GS
    const version = group.header.elements[7]?.value ?? '';
    if (version !== '005010X221A1') {
      throw new InputError(
        [{ path: `segments.${at}.GS08`, message: 'must be 005010X221A1 (an 835)' }],
        'x12_foreign',
      );
    }
    for (const transaction of group.transactions) {
      at++; // ST
      if (transaction.header.elements[0]?.value !== '835') {
        throw new InputError([{ path: `segments.${at}.ST01`, message: 'must be 835' }], 'x12_foreign');
      }
      for (const segment of transaction.segments) {
        at++;
        const elements = segment.elements.map((e) => e.value);
        segments.push({ tag: segment.tag, at, el: (n) => elements[n - 1] ?? '' });
      }
      at++; // SE
    }
    at++; // GE
  }
  return segments;
}

export function read835(file: string): Remittance {
  const segments = parseSegments(file);
  const fields: FieldError[] = [];
  const bpr = segments.find((s) => s.tag === 'BPR');
  const trn = segments.find((s) => s.tag === 'TRN');
  const payer = segments.find((s) => s.tag === 'N1' && s.el(1) === 'PR');
  if (!bpr) fields.push({ path: 'BPR', message: 'an 835 has a BPR segment' });
  if (!trn) fields.push({ path: 'TRN', message: 'an 835 has a TRN segment' });
  const remittance: Remittance = {
    payerName: payer?.el(2) ?? '',
    paymentCents: bpr ? cents(bpr, 2, fields) : 0,
    ...(bpr?.el(16) ? { paymentDate: date(bpr, 16, fields) } : {}),
    traceNumber: trn?.el(2) ?? '',
    claims: [],
  };

  type Building = { clp: Seg; claim: RemittedClaim & { adjustments: Adjustment[]; lines: RemittedLine[] } };
  let current: Building | undefined;
  let line: { svc: Seg; line: RemittedLine & { adjustments: Adjustment[] } } | undefined;
  const built: Building[] = [];
  const lineSegs = new Map<RemittedLine, Seg>();
  let providerAdjustmentsCents = 0;

  for (const seg of segments) {
    switch (seg.tag) {
      case 'CLP': {
        line = undefined;
        current = {
          clp: seg,
          claim: {
            patientControlNumber: seg.el(1),
            statusCode: seg.el(2),
            chargeCents: cents(seg, 3, fields),
            paidCents: cents(seg, 4, fields),
            patientResponsibilityCents: seg.el(5) ? cents(seg, 5, fields) : 0,
            payerClaimNumber: seg.el(7),
            adjustments: [],
            lines: [],
          },
        };
        built.push(current);
        if (!seg.el(1))
          fields.push({ path: `segments.${seg.at}.CLP01`, message: 'names the patient control number' });
        break;
      }
      case 'SVC': {
        if (!current) {
          fields.push({ path: `segments.${seg.at}.SVC`, message: 'comes after its claim (CLP)' });
          break;
        }
        // SVC01 is a composite (HC:90853:modifier); node-x12 keeps it as one value.
        const [, code = ''] = seg.el(1).split(/[:>]/);
        const svcLine = {
          code,
          chargeCents: cents(seg, 2, fields),
          paidCents: cents(seg, 3, fields),
          adjustments: [] as Adjustment[],
        };
        line = { svc: seg, line: svcLine };
        current.claim.lines.push(svcLine);
        lineSegs.set(svcLine, seg);
        break;
      }
      case 'DTM':
        if (line && seg.el(1) === '472') {
          const serviceDate = date(seg, 2, fields);
          if (serviceDate) Object.assign(line.line, { serviceDate });
        }
        break;
      case 'CAS':
        if (line) line.line.adjustments.push(...adjustments(seg, fields));
        else if (current) current.claim.adjustments.push(...adjustments(seg, fields));
        else
          fields.push({ path: `segments.${seg.at}.CAS`, message: 'comes after a claim (CLP) or line (SVC)' });
        break;
      case 'PLB':
        // Provider-level adjustments: pairs of reason (PLB03, 05 …) and amount (PLB04, 06 …).
        for (let n = 4; n <= 14; n += 2) if (seg.el(n)) providerAdjustmentsCents += cents(seg, n, fields);
        break;
      default:
        break;
    }
  }
  if (fields.length > 0) throw new InputError(fields, 'x12_invalid');

  const total = (list: readonly Adjustment[]) => list.reduce((sum, a) => sum + a.amountCents, 0);
  for (const { clp, claim } of built) {
    for (const l of claim.lines) {
      const svc = lineSegs.get(l);
      if (svc && l.chargeCents - l.paidCents !== total(l.adjustments)) {
        fields.push({
          path: `segments.${svc.at}.SVC03`,
          message: 'charge − paid does not equal the line adjustments',
        });
      }
    }
    const all = [...claim.adjustments, ...claim.lines.flatMap((l) => l.adjustments)];
    if (claim.chargeCents - claim.paidCents !== total(all)) {
      fields.push({
        path: `segments.${clp.at}.CLP04`,
        message: 'charge − paid does not equal the adjustments',
      });
    }
    if (claim.patientResponsibilityCents !== total(all.filter((a) => a.group === 'PR'))) {
      fields.push({
        path: `segments.${clp.at}.CLP05`,
        message: 'does not equal the patient-responsibility adjustments',
      });
    }
  }
  const paid = built.reduce((sum, b) => sum + b.claim.paidCents, 0);
  if (bpr && remittance.paymentCents !== paid - providerAdjustmentsCents) {
    fields.push({
      path: `segments.${bpr.at}.BPR02`,
      message: 'does not equal the claims paid less provider adjustments',
    });
  }
  if (fields.length > 0) throw new InputError(fields, 'x12_unbalanced');
  remittance.claims = built.map((b) => b.claim);
  return remittance;
}
