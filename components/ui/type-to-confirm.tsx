"use client";
import { Field } from "./field";

/** The typed confirmation of a change that may refuse clients: the domain name, exactly. */
export function TypeToConfirm({
  domainName,
  value,
  onChange,
  what = "",
  error,
  inputClassName = "font-mono text-sm",
}: {
  domainName: string;
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
          Type <code className="font-mono">{domainName}</code> to confirm{what}
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
