import { Temporal } from 'temporal-polyfill';
import { AppError } from '../platform/errors';
import type { CensusSearch } from './patients.store';

/** "1990-04-17" or "04/17/1990" → a date; "MRN1004" or "1004" → an MRN; otherwise words of a name. */
export function parseCensusSearch(q: string | undefined): CensusSearch {
  const s = q?.trim() ?? '';
  if (!s) return { kind: 'all' };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? s
    : us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
      : null;
  if (iso) {
    try {
      return { kind: 'dob', date: Temporal.PlainDate.from(iso, { overflow: 'reject' }).toString() };
    } catch {
      throw AppError.badRequest('Not a real date.', [{ path: 'q', message: 'Not a real calendar date.' }]);
    }
  }
  if (/^[A-Za-z]{0,5}\d{3,}$/.test(s)) return { kind: 'mrn', mrn: s };
  return { kind: 'name', words: s.split(/\s+/).slice(0, 5) };
}
