/** One titled section of the domain page, with optional actions beside the title. */
export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
