import { DataList, Paper, Stack, Title } from '@mantine/core';
import type { Episode } from '../episodes/episodes-api';
import { formatDay } from '../shared/date-time';
import { levelName } from '../shared/level-name';
import { AftercarePlanView } from './aftercare-plan-view';
import type { Discharge } from './discharges-api';

/** A closed episode's discharge, read-only, with its aftercare plan. */
export function DischargeSummary({ discharge, episode }: { discharge: Discharge; episode: Episode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="discharge-heading">
      <Stack>
        <Title order={2} size="h4" id="discharge-heading">
          Discharged {formatDay(discharge.dischargedOn)}
        </Title>
        <DataList withDivider labelWidth="200px">
          <DataList.Item>
            <DataList.ItemLabel>Reason (TEDS)</DataList.ItemLabel>
            <DataList.ItemValue>
              {discharge.reason.code} {discharge.reason.label}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Level at discharge</DataList.ItemLabel>
            <DataList.ItemValue>{levelName(episode.edition, discharge.levelAtDischarge)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Referred to</DataList.ItemLabel>
            <DataList.ItemValue>
              {[discharge.referralTo, discharge.nextLevel && `level ${discharge.nextLevel}`]
                .filter(Boolean)
                .join(', ') || '—'}
            </DataList.ItemValue>
          </DataList.Item>
          {discharge.summary !== undefined && (
            <DataList.Item>
              <DataList.ItemLabel>Summary</DataList.ItemLabel>
              <DataList.ItemValue>{discharge.summary}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {discharge.aftercare && (
          <>
            <Title order={3} size="h4">
              Aftercare plan
            </Title>
            <AftercarePlanView plan={discharge.aftercare} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
