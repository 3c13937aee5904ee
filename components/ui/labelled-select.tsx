import { useId, type SelectHTMLAttributes } from "react";

/** A labelled select, the form's counterpart of Field. */
export function LabelledSelect({
  label,
  options,
  empty,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: { value: string; label: string }[];
  /** The first, empty choice. */
  empty: string;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className="w-full min-w-0 rounded border border-slate-300 px-2 py-1.5"
        {...select}
      >
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
