import Link from "next/link";

export default function DomainNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">No such custom domain name</h1>
      <p className="mt-1 text-sm text-slate-600">
        It may have been deleted, or it lives in another region or account.
      </p>
      <Link href="/" className="mt-3 inline-block text-sm text-sky-800 underline">
        Back to the custom domain names
      </Link>
    </div>
  );
}
