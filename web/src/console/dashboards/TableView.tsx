import { type DataTable, formatCell, tableCsv } from './tables.ts';

/** Saves the table as a CSV file through a temporary link (nothing is sent to the server). */
function download(table: DataTable) {
  const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = table.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A share as a blue background, with dark text on light cells and light text on dark ones. */
function heat(share: number | undefined) {
  if (share === undefined) return undefined;
  return { background: `rgba(27, 108, 168, ${share.toFixed(3)})`, color: share > 0.55 ? '#fff' : undefined };
}

/**
 * A chart's numbers as a table, with its CSV download. `shade` gives a cell a share from 0 to 1,
 * drawn as its background (the confusion matrix's heat map); the number stays in the cell.
 */
export function TableView({
  table,
  testId,
  shade,
}: {
  table: DataTable;
  testId: string;
  shade?: (row: number, column: number) => number | undefined;
}) {
  return (
    <div className="stack-tight">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; its region takes the focus so keys can scroll it (axe: scrollable-region-focusable) */}
      <section className="table-wrap" aria-label={table.caption} tabIndex={0}>
        <table className="annotator-table" data-testid={testId}>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className={c.format === 'text' ? undefined : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <tr key={i}>
                {row.map((cell, j) => {
                  const c = table.columns[j]!;
                  const text = formatCell(cell, c.format);
                  return j === 0 ? (
                    <th key={c.label} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td
                      key={c.label}
                      className={c.format === 'text' ? undefined : 'num'}
                      style={heat(shade?.(i, j))}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div>
        <button type="button" onClick={() => download(table)} aria-label={`CSV: ${table.caption}`}>
          CSV
        </button>
      </div>
    </div>
  );
}
