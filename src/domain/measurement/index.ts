export {
  type ProgramThresholds,
  scoreOptionsForProgram,
  showsCrisisLine,
  type UrgentTaskType,
  urgentTaskFor,
} from './escalation';
export {
  type DueState,
  type InstrumentDue,
  type InstrumentScheduleRule,
  instrumentDue,
  OVERDUE_AFTER_DAYS,
} from './instrument-due';
export { type AverageChange, averageChange, type ScorePair } from './program-change';
