import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  /** The header is read by screen readers only (a column of buttons whose label says it all). */
  hiddenHeader?: boolean;
  /** The cell names its row: a `<th scope="row">`. */
  rowHeader?: boolean;
  className?: string;
  cell(row: T): ReactNode;
}

/**
 * A table of rows, scrolling sideways on a narrow screen. Rows still loading show nothing; with `empty`, no rows
 * show that text instead of the table. `false` columns (one a role does not see) are left out.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  empty,
  currentKey,
  testId,
}: {
  columns: readonly (Column<T> | false)[];
  rows: readonly T[] | undefined;
  rowKey(row: T): string;
  empty?: string;
  /** The row shown in detail elsewhere on the page, marked with aria-current. */
  currentKey?: string;
  testId?: string;
}) {
  if (!rows) return null;
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const shown = columns.filter((column): column is Column<T> => column !== false);
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            {shown.map((column, index) => (
              <th key={index} scope="col">
                {column.hiddenHeader ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                aria-current={currentKey !== undefined && key === currentKey ? 'true' : undefined}
              >
                {shown.map((column, index) =>
                  column.rowHeader ? (
                    <th key={index} scope="row" className={column.className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={index} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
