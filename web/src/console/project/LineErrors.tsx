/** The invalid lines of an import, by line number (the server reports the first 1000). */
export function LineErrors({
  errors,
  total,
}: {
  errors: { line: number; message: string }[];
  total: number;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="table-wrap line-errors">
      <table>
        <caption>
          {total > errors.length
            ? `The first ${errors.length} of ${total.toLocaleString()} invalid lines`
            : 'Invalid lines'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.line}:${e.message}`}>
              <td>{e.line}</td>
              <td>{e.message.replace(/^line \d+: /, '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
