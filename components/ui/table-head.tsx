/** A table's header row: one `th scope="col"` per column, the console's look. */
export function TableHead({
  columns,
  compact,
}: {
  columns: React.ReactNode[];
  /** Tighter rows, for a table inside a card. */
  compact?: boolean;
}) {
  return (
    <thead
      className={`text-left text-xs ${compact ? "text-slate-500" : "bg-slate-50 text-slate-600"}`}
    >
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={`px-3 ${compact ? "py-1" : "py-2"} font-medium`}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
