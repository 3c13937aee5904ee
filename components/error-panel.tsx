/** An inline error that says what failed and what to try, with no raw AWS text. */
export function ErrorPanel({
  title,
  message,
  children,
}: {
  title: string;
  message: string;
  children?: React.ReactNode;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      {children}
    </div>
  );
}
