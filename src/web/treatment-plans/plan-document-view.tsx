import { List, Stack, Text } from '@mantine/core';
import { formatDay } from '../shared/date-time';
import { modalityLabel, objectiveStatusLabel } from './treatment-plan-values';
import type { PlanDocument } from './treatment-plans-api';

// A signed plan never reorders, so its numbering (1, 1.2, 1.2.3) is a stable key.
/** The plan read-only: on the staff chart and in the patient's portal. */
export function PlanDocumentView({
  document,
  staffName,
}: {
  document: PlanDocument;
  /** Names the responsible staff member where the viewer may see the staff list. */
  staffName?: (id: string) => string | undefined;
}) {
  return (
    <Stack gap="sm">
      {document.problems.map((problem, p) => {
        const pn = `${p + 1}`;
        return (
          <Stack key={pn} gap={4}>
            <Text fw={700}>
              Problem {pn}: {problem.statement}
            </Text>
            {problem.goals.map((goal, g) => {
              const gn = `${pn}.${g + 1}`;
              return (
                <Stack key={gn} gap={2} pl="md">
                  <Text fw={600}>
                    Goal {gn}: {goal.statement}
                  </Text>
                  <List size="sm" pl="md">
                    {goal.objectives.map((objective, o) => {
                      const on = `${gn}.${o + 1}`;
                      return (
                        <List.Item key={on}>
                          Objective {on}: {objective.description} — by{' '}
                          {objective.targetDate ? formatDay(objective.targetDate) : '—'} (
                          {objectiveStatusLabel(objective.status)})
                          <List size="sm" withPadding>
                            {objective.interventions.map((intervention, i) => {
                              const inn = `${on}.${i + 1}`;
                              return (
                                <List.Item key={inn}>
                                  {modalityLabel(intervention.modality)}, {intervention.frequency}
                                  {staffName?.(intervention.responsibleStaffId)
                                    ? ` (${staffName(intervention.responsibleStaffId)})`
                                    : ''}
                                </List.Item>
                              );
                            })}
                          </List>
                        </List.Item>
                      );
                    })}
                  </List>
                </Stack>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
