"use client";
import { Field } from "./field";

/** The typed confirmation of a change that may refuse clients: the domain name (or the client's name), exactly. */
export function TypeToConfirm({
  expected,
  value,
  onChange,
  what = "",
  error,
  inputClassName = "font-mono text-sm",
}: {
  expected: string;
  value: string;
  onChange: (typed: string) => void;
  /** After "to confirm": e.g. " this change". */
  what?: string;
  error?: string | null;
  inputClassName?: string;
}) {
  return (
    <Field
      label={
        <>
          Type <code className="font-mono">{expected}</code> to confirm{what}
        </>
      }
      inputClassName={inputClassName}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      spellCheck={false}
      {...(error !== undefined ? { error } : {})}
    />
  );
}
