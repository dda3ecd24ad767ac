import { Alert, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { openEpisode, useEpisodes } from '../episodes/episodes-api';
import { PlanEditor } from './plan-editor';
import { PlanHistory } from './plan-history';
import { SignedPlan } from './signed-plan';
import { useTreatmentPlan } from './treatment-plans-api';

/** The chart's Treatment plan tab: write the plan, sign it, make a new version, see the versions. */
export function TreatmentPlanSection({ patientId }: { patientId: string }) {
  const episodes = useEpisodes(patientId);
  const episode = openEpisode(episodes.data?.items) ?? episodes.data?.items[0];
  const plan = useTreatmentPlan(episode);
  const [revising, setRevising] = useState(false);
  if (episodes.isPending || (episode && plan.isPending)) return <Loader aria-label="Loading the plan" />;
  if (!episode) return <Alert color="yellow">Admit the patient to an episode before writing a plan.</Alert>;
  if (plan.isError) {
    return (
      <Alert color="red" role="alert">
        {plan.error.message}
      </Alert>
    );
  }
  const current = plan.data;
  const closed = episode.status === 'discharged';
  return (
    <Stack>
      {!current && closed && (
        <Alert color="gray">This episode was discharged without a treatment plan.</Alert>
      )}
      {!current && !closed && (
        <PlanEditor episode={episode} plan={null} mode="create" onDone={() => undefined} />
      )}
      {current && (current.readOnly || closed) && !revising && (
        <SignedPlan
          plan={current}
          episode={episode}
          onRevise={closed ? undefined : () => setRevising(true)}
        />
      )}
      {current?.readOnly && revising && (
        <PlanEditor
          episode={episode}
          plan={current}
          mode="revise"
          onDone={() => setRevising(false)}
          key={current.version}
        />
      )}
      {current && !current.readOnly && !closed && (
        <PlanEditor
          episode={episode}
          plan={current}
          mode="edit"
          onDone={() => undefined}
          key={current.version}
        />
      )}
      {current && <PlanHistory episode={episode} />}
    </Stack>
  );
}
