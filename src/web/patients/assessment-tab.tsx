import { Temporal } from 'temporal-polyfill';
import { isAdolescent } from '../../domain/episodes/age-rules';
import { AsamAssessmentSection } from '../assessments/asam-assessment-section';
import { openEpisode, useEpisodes } from '../episodes/episodes-api';
import { clinicToday } from '../shared/clinic-calendar';
import type { Patient } from './patients-api';

/**
 * The chart's ASAM tab: the adolescent or adult criteria by the patient's age today at their site, and the
 * open episode a reassessment belongs to.
 */
export function AssessmentTab({ patient }: { patient: Patient }) {
  const episodes = useEpisodes(patient.id);
  const today = clinicToday(patient.siteTimeZone);
  const adolescent = isAdolescent(Temporal.PlainDate.from(patient.dateOfBirth), today);
  return (
    <AsamAssessmentSection
      patientId={patient.id}
      population={adolescent ? 'adolescent' : 'adult'}
      episodeId={openEpisode(episodes.data?.items)?.id}
    />
  );
}
