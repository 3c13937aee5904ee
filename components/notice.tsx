/** The result of an action: what happened, said plainly. */
export function Notice({
  tone,
  children,
}: {
  tone: "success" | "error" | "info";
  children: React.ReactNode;
}) {
  const cls =
    tone === "success"
      ? "border-emerald-300 bg-emerald-50 text-emerald-900"
      : tone === "error"
        ? "border-rose-300 bg-rose-50 text-rose-900"
        : "border-sky-200 bg-sky-50 text-sky-900";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      aria-live="polite"
      className={`rounded border px-3 py-2 text-sm ${cls}`}
      data-tone={tone}
    >
      {children}
    </div>
  );
}
