import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** e.g. `tally-num` to right-align figures. */
  className?: string;
}

export interface DataTableProps {
  /** Names the table (and its scrolling region) for assistive technology and tests. */
  label: string;
  columns: readonly (string | Column)[];
  /** The `<tr>` rows. */
  children: ReactNode;
}

/**
 * A table that scrolls sideways on a narrow screen instead of squashing its columns; the scrolling
 * region is focusable so keyboard users can scroll it too.
 */
export function DataTable({ label, columns, children }: DataTableProps) {
  return (
    <div className="tally-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="tally-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label: text, className } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={text} scope="col" className={className}>
                  {text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
