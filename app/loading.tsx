export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-7 w-64 rounded bg-slate-200" />
      <div className="h-16 rounded-lg bg-slate-200" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-10 rounded bg-slate-200" />
      ))}
    </div>
  );
}
