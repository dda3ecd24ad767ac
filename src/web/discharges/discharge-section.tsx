import { Alert, Loader } from '@mantine/core';
import { openEpisode, useEpisodes } from '../episodes/episodes-api';
import { DischargeForm } from './discharge-form';
import { DischargeSummary } from './discharge-summary';
import { useDischarge } from './discharges-api';

/** The chart's Discharge tab: the form while the episode is open, its discharge once it is closed. */
export function DischargeSection({ patientId }: { patientId: string }) {
  const episodes = useEpisodes(patientId);
  const episode = openEpisode(episodes.data?.items) ?? episodes.data?.items[0];
  const discharge = useDischarge(episode?.status === 'discharged' ? episode : undefined);
  if (episodes.isPending) return <Loader aria-label="Loading episodes" />;
  if (!episode) return <Alert color="yellow">This patient has no episode to discharge.</Alert>;
  if (episode.status === 'discharged') {
    if (discharge.isPending) return <Loader aria-label="Loading the discharge" />;
    if (discharge.data) return <DischargeSummary discharge={discharge.data} episode={episode} />;
    return (
      <Alert color="red" role="alert">
        {discharge.error?.message ?? 'The discharge record could not be found.'}
      </Alert>
    );
  }
  return <DischargeForm episode={episode} />;
}
