import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A whole list as a table: one header row of `columns`, one `<Table.Tr>` a item (`row`, with its key).
 * `minWidth` scrolls it sideways on a narrow screen. For one page of a paged list, PagedTable.
 */
export function ListTable<T>({
  label,
  columns,
  items,
  row,
  minWidth,
  footer,
  ...tableProps
}: {
  label: string;
  columns: ReactNode[];
  items: readonly T[];
  row: (item: T) => ReactNode;
  minWidth?: number;
  /** Rows after the items (an empty line, a total). */
  footer?: ReactNode;
} & Omit<TableProps, 'children'>) {
  const table = (
    <Table aria-label={label} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
            <Table.Th key={index}>{column}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map(row)}
        {footer}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
