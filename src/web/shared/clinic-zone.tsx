import { createContext, type ReactNode, useContext } from 'react';
import type { Temporal } from 'temporal-polyfill';
import { clinicToday } from './clinic-calendar';

const ClinicZoneContext = createContext<string | null>(null);

/**
 * Sets whose calendar the screens inside use: the current site's in the staff shell, the patient's site's
 * inside a chart (a director may open a patient of another site than the one chosen).
 */
export function ClinicZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ClinicZoneContext.Provider value={timeZone}>{children}</ClinicZoneContext.Provider>;
}

/** The IANA zone of the nearest `ClinicZone`. */
export function useClinicZone(): string {
  const zone = useContext(ClinicZoneContext);
  if (!zone)
    throw new Error('useClinicZone must be used inside a ClinicZone (the site or the patient chart)');
  return zone;
}

/** Today at the clinic of the nearest `ClinicZone`. */
export function useClinicToday(): Temporal.PlainDate {
  return clinicToday(useClinicZone());
}
