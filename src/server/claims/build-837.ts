import { JSEDINotation, type JSEDITransaction, X12Generator } from 'node-x12';
import type { Temporal } from 'temporal-polyfill';
import { npiProblem } from '../../domain/billing';
import { type FieldError, InputError } from '../../domain/input-error';
import type { Address, Claim, ClaimBatch, Person } from './claim-batch';

/**
 * An X12 5010 837 batch file: professional (837P, implementation guide 005010X222A1) or institutional
 * (837I, 005010X223A2), one interchange, one functional group, one transaction set. Segments are laid out
 * loop by loop as the implementation guides order them; envelopes and trailer counts (SE, GE, IEA) come from
 * node-x12's generator, not from counting here.
 */
const GUIDE = { '837P': '005010X222A1', '837I': '005010X223A2' } as const;
const SEGMENT = '~';
const ELEMENT = '*';
const COMPONENT = ':';
const REPETITION = '^';

/** Delimiters are not allowed inside data; the guides also ask for upper case names. */
function text(value: string): string {
  return value
    .replace(/[~*:^]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

function date8(date: Temporal.PlainDate): string {
  return date.toString().replaceAll('-', '');
}

/** X12 decimal: no trailing zeros, no decimal point for whole dollars (150, 150.5, 150.55). */
export function x12Amount(cents: number): string {
  const dollars = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  if (rest === 0) return String(dollars);
  return `${dollars}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

function pad(value: string, width: number): string {
  return value.slice(0, width).padEnd(width, ' ');
}

function validate(batch: ClaimBatch): void {
  const fields: FieldError[] = [];
  const npi = npiProblem(batch.billingProvider.npi);
  if (npi) fields.push({ path: 'billingProvider.npi', message: npi });
  const control = batch.interchangeControlNumber;
  if (!Number.isInteger(control) || control < 1 || control > 999_999_999) {
    // ISA13 is nine digits; ST02 and GS06 reuse it.
    fields.push({ path: 'interchangeControlNumber', message: 'must be a whole number from 1 to 999999999' });
  }
  if (batch.claims.length === 0) fields.push({ path: 'claims', message: 'a batch holds at least one claim' });
  batch.claims.forEach((claim, i) => {
    const at = `claims.${i}`;
    if (claim.lines.length === 0)
      fields.push({ path: `${at}.lines`, message: 'a claim has at least one line' });
    claim.lines.forEach((line, j) => {
      if (!Number.isInteger(line.chargeCents) || line.chargeCents < 0) {
        fields.push({ path: `${at}.lines.${j}.chargeCents`, message: 'must be whole cents, 0 or more' });
      }
      if (!Number.isInteger(line.units) || line.units < 1) {
        fields.push({ path: `${at}.lines.${j}.units`, message: 'must be a whole number, 1 or more' });
      }
    });
    if (claim.diagnosisCodes.length === 0) {
      fields.push({ path: `${at}.diagnosisCodes`, message: 'a claim has a principal diagnosis' });
    }
    if (claim.frequency !== '1' && !claim.originalClaimNumber) {
      fields.push({
        path: `${at}.originalClaimNumber`,
        message: 'a replacement or void names the original claim',
      });
    }
    if (batch.claimType === '837P' && !claim.placeOfService) {
      fields.push({ path: `${at}.placeOfService`, message: 'a professional claim has a place of service' });
    }
    if (batch.claimType === '837I') {
      if (!claim.facilityTypeCode)
        fields.push({ path: `${at}.facilityTypeCode`, message: 'is required on 837I' });
      if (!claim.statementFrom || !claim.statementThrough) {
        fields.push({
          path: `${at}.statementFrom`,
          message: 'an institutional claim has a statement period',
        });
      }
      claim.lines.forEach((line, j) => {
        if (!line.revenueCode)
          fields.push({ path: `${at}.lines.${j}.revenueCode`, message: 'is required on 837I' });
      });
    }
    if (claim.provider) {
      const problem = npiProblem(claim.provider.npi);
      if (problem) fields.push({ path: `${at}.provider.npi`, message: problem });
    }
  });
  if (fields.length > 0) throw new InputError(fields, 'claim_batch_invalid');
}

function person(tx: JSEDITransaction, entity: string, who: Person, idQualifier: string, id: string): void {
  tx.addSegment('NM1', [
    entity,
    '1',
    text(who.lastName),
    text(who.firstName),
    text(who.middleName ?? ''),
    '',
    '',
    idQualifier,
    id,
  ]);
}

function address(tx: JSEDITransaction, where: Address): void {
  tx.addSegment('N3', where.line2 ? [text(where.line1), text(where.line2)] : [text(where.line1)]);
  tx.addSegment('N4', [text(where.city), text(where.state), where.postalCode.replace(/\D/g, '')]);
}

function claimLoop(tx: JSEDITransaction, batch: ClaimBatch, claim: Claim): void {
  const total = claim.lines.reduce((sum, line) => sum + line.chargeCents, 0);
  const dx = claim.diagnosisCodes.map((code) => code.replace('.', '').toUpperCase());
  if (batch.claimType === '837P') {
    tx.addSegment('CLM', [
      claim.patientControlNumber,
      x12Amount(total),
      '',
      '',
      [claim.placeOfService, 'B', claim.frequency].join(COMPONENT),
      'Y',
      'A',
      'Y',
      'Y',
    ]);
  } else {
    tx.addSegment('CLM', [
      claim.patientControlNumber,
      x12Amount(total),
      '',
      '',
      [claim.facilityTypeCode, 'A', claim.frequency].join(COMPONENT),
      '',
      'A',
      'Y',
      'Y',
    ]);
    if (claim.statementFrom && claim.statementThrough) {
      tx.addSegment('DTP', ['434', 'RD8', `${date8(claim.statementFrom)}-${date8(claim.statementThrough)}`]);
    }
    tx.addSegment('CL1', ['', '', claim.patientStatus ?? '30']);
  }
  if (claim.originalClaimNumber) tx.addSegment('REF', ['F8', claim.originalClaimNumber]);
  if (claim.priorAuthorization) tx.addSegment('REF', ['G1', claim.priorAuthorization]);
  // Principal diagnosis ABK (837P) / ABK then ABF others; 837I puts other diagnoses in their own HI.
  if (batch.claimType === '837P') {
    tx.addSegment(
      'HI',
      dx.slice(0, 12).map((code, i) => `${i === 0 ? 'ABK' : 'ABF'}${COMPONENT}${code}`),
    );
  } else {
    tx.addSegment('HI', [`ABK${COMPONENT}${dx[0]}`]);
    if (dx.length > 1)
      tx.addSegment(
        'HI',
        dx.slice(1, 13).map((code) => `ABF${COMPONENT}${code}`),
      );
    if (claim.conditionCodes?.length) {
      tx.addSegment(
        'HI',
        claim.conditionCodes.slice(0, 12).map((code) => `BG${COMPONENT}${code}`),
      );
    }
  }
  if (claim.provider) {
    person(tx, batch.claimType === '837P' ? '82' : '71', claim.provider, 'XX', claim.provider.npi);
  }
  claim.lines.forEach((line, i) => {
    tx.addSegment('LX', [String(i + 1)]);
    const procedure = ['HC', line.code, ...(line.modifiers ?? [])].join(COMPONENT);
    if (batch.claimType === '837P') {
      const pointers = (line.diagnosisPointers ?? [1]).slice(0, 4).join(COMPONENT);
      tx.addSegment('SV1', [
        procedure,
        x12Amount(line.chargeCents),
        'UN',
        String(line.units),
        '',
        '',
        pointers,
      ]);
    } else {
      tx.addSegment('SV2', [
        line.revenueCode ?? '',
        procedure,
        x12Amount(line.chargeCents),
        'UN',
        String(line.units),
      ]);
    }
    tx.addSegment('DTP', ['472', 'D8', date8(line.serviceDate)]);
  });
}

/**
 * The 837 file for `batch`. Hierarchy: billing provider (HL 20) → subscriber (HL 22) → patient (HL 23, only
 * when the patient is not the subscriber); each claim gets its own subscriber level, as most payers' companion
 * guides prefer for one claim per patient.
 *
 * @throws InputError (422) naming every field the guide requires and the batch lacks.
 */
export function build837(batch: ClaimBatch): string {
  validate(batch);
  const guide = GUIDE[batch.claimType];
  const control = String(batch.interchangeControlNumber);
  const created = batch.createdAt;
  const yymmdd = date8(created.toPlainDate()).slice(2);
  const hhmm = `${String(created.hour).padStart(2, '0')}${String(created.minute).padStart(2, '0')}`;
  const notation = new JSEDINotation([
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(batch.submitter.id, 15),
    'ZZ',
    pad(batch.receiver.id, 15),
    yymmdd,
    hhmm,
    REPETITION,
    '00501',
    control.padStart(9, '0'),
    '0',
    batch.usage,
    COMPONENT,
  ]);
  const group = notation.addFunctionalGroup([
    'HC',
    batch.submitter.id,
    batch.receiver.id,
    date8(created.toPlainDate()),
    hhmm,
    control,
    'X',
    guide,
  ]);
  const tx = group.addTransaction(['837', control.padStart(4, '0'), guide]);
  tx.addSegment('BHT', ['0019', '00', control, date8(created.toPlainDate()), hhmm, 'CH']);
  // 1000A submitter, 1000B receiver.
  tx.addSegment('NM1', ['41', '2', text(batch.submitter.name), '', '', '', '', '46', batch.submitter.id]);
  tx.addSegment('PER', [
    'IC',
    text(batch.submitter.contactName),
    'TE',
    batch.submitter.contactPhone.replace(/\D/g, ''),
  ]);
  tx.addSegment('NM1', ['40', '2', text(batch.receiver.name), '', '', '', '', '46', batch.receiver.id]);
  // 2000A billing provider.
  tx.addSegment('HL', ['1', '', '20', '1']);
  tx.addSegment('PRV', ['BI', 'PXC', batch.billingProvider.taxonomy]);
  tx.addSegment('NM1', [
    '85',
    '2',
    text(batch.billingProvider.name),
    '',
    '',
    '',
    '',
    'XX',
    batch.billingProvider.npi,
  ]);
  address(tx, batch.billingProvider.address);
  tx.addSegment('REF', ['EI', batch.billingProvider.taxId.replace(/\D/g, '')]);

  let hl = 1;
  for (const claim of batch.claims) {
    const subscriberHl = ++hl;
    tx.addSegment('HL', [String(subscriberHl), '1', '22', claim.patient ? '1' : '0']);
    tx.addSegment('SBR', [
      claim.payerResponsibility,
      claim.patient ? '' : '18',
      claim.subscriber.groupNumber ?? '',
      '',
      '',
      '',
      '',
      '',
      batch.payer.claimFilingIndicator,
    ]);
    person(tx, 'IL', claim.subscriber, 'MI', claim.subscriber.memberId);
    address(tx, claim.subscriber.address);
    tx.addSegment('DMG', ['D8', date8(claim.subscriber.dateOfBirth), claim.subscriber.sex]);
    tx.addSegment('NM1', ['PR', '2', text(batch.payer.name), '', '', '', '', 'PI', batch.payer.id]);
    if (claim.patient) {
      tx.addSegment('HL', [String(++hl), String(subscriberHl), '23', '0']);
      tx.addSegment('PAT', [claim.patient.relationship]);
      tx.addSegment('NM1', ['QC', '1', text(claim.patient.lastName), text(claim.patient.firstName)]);
      address(tx, claim.patient.address);
      tx.addSegment('DMG', ['D8', date8(claim.patient.dateOfBirth), claim.patient.sex]);
    }
    claimLoop(tx, batch, claim);
  }
  return new X12Generator(notation, {
    segmentTerminator: SEGMENT,
    elementDelimiter: ELEMENT,
    subElementDelimiter: COMPONENT,
    repetitionDelimiter: REPETITION,
    endOfLine: '\n',
    format: true,
  }).toString();
}
