export { type FieldError, InputError } from '../input-error';
export { bamDaysCategory } from './definitions/bam';
export { getInstrument, INSTRUMENT_IDS, isInstrumentId, listInstruments } from './instrument-catalog';
export type {
  AnswerOption,
  Band,
  BandRule,
  InstrumentDefinition,
  InstrumentId,
  InstrumentItem,
  RangeBand,
  RiskFlag,
  RiskRule,
  Subscale,
} from './instrument-definition';
export type { TrackedInstrumentId, TreatmentResponse } from './response-to-treatment';
export { responseToTreatment } from './response-to-treatment';
export type { InstrumentScore, ScoreOptions } from './score-instrument';
export { isItemAsked, scoreInstrument } from './score-instrument';
