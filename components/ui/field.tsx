/**
 * A labelled input with its hint and error linked by aria-describedby, so a
 * screen reader reads them with the field.
 */
import { useId, type InputHTMLAttributes } from "react";

export function Field({
  label,
  hint,
  error,
  className = "",
  inputClassName = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | null;
  inputClassName?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        className={`min-w-0 rounded border border-slate-300 px-2 py-1.5 ${inputClassName}`}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-800">
          {error}
        </p>
      )}
    </div>
  );
}
