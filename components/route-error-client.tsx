"use client";
/** The error boundary of every route segment: what failed, and a way to try again. */

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-rose-900">
        {error.message || "An error occurred on the server."}
      </p>
      {error.digest && <p className="mt-1 text-xs text-rose-700">Reference: {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800"
      >
        Try again
      </button>
    </div>
  );
}
