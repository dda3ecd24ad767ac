import { Table, Text } from '@mantine/core';
import { DIMENSIONS, PLACEMENT_DIFFERENCE_REASONS } from '../../domain/placement/recommend-level';
import { formatDay } from '../shared/date-time';
import { TableScroll } from '../shared/table-list';
import type { Assessment } from './assessments-api';

/** Every assessment of the patient, newest first: ratings, recommendation, placement and why it differs. */
export function AssessmentHistory({ items }: { items: Assessment[] }) {
  return (
    <TableScroll label="Assessment history" minWidth={720}>
      <Table aria-label="Assessment history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Edition</Table.Th>
            {DIMENSIONS.map((d) => (
              <Table.Th key={d.id} title={d.label}>
                {d.id}
              </Table.Th>
            ))}
            <Table.Th>Recommended</Table.Th>
            <Table.Th>Placed</Table.Th>
            <Table.Th>Reason for difference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((assessment) => (
            <Table.Tr key={assessment.id}>
              <Table.Td>{formatDay(assessment.assessedOn)}</Table.Td>
              <Table.Td>{assessment.edition}</Table.Td>
              {DIMENSIONS.map((d) => (
                <Table.Td key={d.id}>{assessment.ratings[d.id]}</Table.Td>
              ))}
              <Table.Td>{assessment.recommendedLevel}</Table.Td>
              <Table.Td>
                {assessment.placedLevel}
                {assessment.placedLevelHours && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({assessment.placedLevelHours.label})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {PLACEMENT_DIFFERENCE_REASONS.find((r) => r.code === assessment.placementReason)?.label ??
                  '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
