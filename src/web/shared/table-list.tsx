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
  return minWidth ? (
    <TableScroll label={label} minWidth={minWidth}>
      {table}
    </TableScroll>
  ) : (
    table
  );
}

/**
 * A table that scrolls sideways below `minWidth`. The scrolling viewport is a named, focusable region so a
 * keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1).
 */
export function TableScroll({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
