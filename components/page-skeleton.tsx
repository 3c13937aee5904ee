/** The loading skeleton of a detail page. */
export default function PageSkeleton() {
  return (
    <div className="animate-pulse space-y-6" aria-busy="true" aria-label="Loading the domain">
      <div className="h-8 w-96 max-w-full rounded bg-slate-200" />
      <div className="h-20 rounded-lg bg-slate-200" />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="h-40 rounded-lg bg-slate-200" />
        <div className="h-40 rounded-lg bg-slate-200" />
      </div>
      <div className="h-64 rounded-lg bg-slate-200" />
    </div>
  );
}
