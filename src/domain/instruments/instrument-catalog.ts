import { AUDIT, AUDIT_C } from './definitions/audit';
import { BAM } from './definitions/bam';
import { C_SSRS_SCREENER } from './definitions/c-ssrs-screener';
import { CIWA_AR } from './definitions/ciwa-ar';
import { COWS } from './definitions/cows';
import { DAST_10 } from './definitions/dast-10';
import { GAD_7 } from './definitions/gad-7';
import { PCL_5 } from './definitions/pcl-5';
import { PHQ_9 } from './definitions/phq-9';
import type { InstrumentDefinition, InstrumentId } from './instrument-definition';

const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  'phq-9': PHQ_9,
  'gad-7': GAD_7,
  audit: AUDIT,
  'audit-c': AUDIT_C,
  'dast-10': DAST_10,
  bam: BAM,
  'pcl-5': PCL_5,
  'c-ssrs-screener': C_SSRS_SCREENER,
  'ciwa-ar': CIWA_AR,
  cows: COWS,
};

export const INSTRUMENT_IDS = Object.keys(INSTRUMENTS) as readonly InstrumentId[];

export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === 'string' && Object.hasOwn(INSTRUMENTS, value);
}

/** Every instrument OpenIOP can administer, in a stable order (for pickers, schedules and the portal). */
export function listInstruments(): readonly InstrumentDefinition[] {
  return INSTRUMENT_IDS.map((id) => INSTRUMENTS[id]);
}

export function getInstrument(id: InstrumentId): InstrumentDefinition {
  return INSTRUMENTS[id];
}
