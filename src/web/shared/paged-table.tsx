import { Group, Pagination, Table, type TableProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ListTable } from './table-list';

/** Every list endpoint answers one page at a time in this shape (the server's paging, STYLE.md). */
export interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * A page of a list endpoint as a table: header, one row per item, the empty line when the page has none,
 * and the pager under it once there is more than one page. The page number lives with the caller (often in
 * the address: use-url-params), so Back returns to it.
 */
export function PagedTable<T>({
  label,
  pagerLabel,
  columns,
  page,
  row,
  empty,
  onPage,
  busy = false,
  minWidth,
  striped = true,
  tableProps,
}: {
  /** The table's accessible name; the pager is named after it ("… pages") unless `pagerLabel` says. */
  label: string;
  pagerLabel?: string;
  columns: ReactNode[];
  page: PageOf<T> | undefined;
  /** One `<Table.Tr>` for an item (with its key). */
  row: (item: T) => ReactNode;
  empty: ReactNode;
  onPage: (page: number) => void;
  busy?: boolean;
  minWidth?: number;
  striped?: boolean;
  /** Anything else Mantine's Table takes (verticalSpacing, highlightOnHover …). */
  tableProps?: Omit<TableProps, 'striped' | 'children'>;
}) {
  const pageCount = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const table = (
    <ListTable
      label={label}
      striped={striped}
      aria-busy={busy}
      fz="sm"
      {...tableProps}
      columns={columns}
      items={page?.items ?? []}
      row={row}
      minWidth={minWidth}
      footer={
        page &&
        page.items.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text c="dimmed" ta="center" py="md">
                {empty}
              </Text>
            </Table.Td>
          </Table.Tr>
        )
      }
    />
  );
  return (
    <>
      {table}
      {pageCount > 1 && page && (
        <Group justify="flex-end">
          <Pagination
            total={pageCount}
            value={Math.min(page.page, pageCount)}
            onChange={onPage}
            aria-label={pagerLabel ?? `${label} pages`}
            getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        </Group>
      )}
    </>
  );
}
