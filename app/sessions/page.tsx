import type { Metadata } from "next";
import { ErrorPanel } from "@/components/error-panel";
import { SessionList } from "@/app/sessions/sessions-client";
import { requirePageSession } from "@/lib/auth/page-guard";
import { sessionsView } from "@/lib/domains/views/page-views";

export const metadata: Metadata = { title: "Sessions" };

/** Who is signed in to the dashboard; an operator can end any session. */
export default async function SessionsPage() {
  const session = await requirePageSession("/sessions");
  if (session.role !== "operator")
    return (
      <ErrorPanel
        title="Sessions"
        message="Only operators can see and end the dashboard's sessions."
      />
    );
  const loaded = await sessionsView();
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Sessions</h1>
        <p className="text-sm text-slate-600">
          Everyone signed in to this dashboard. Ending a session refuses its cookie from the next
          request on, wherever it was copied to; signing out does the same for one&apos;s own.
        </p>
      </div>
      {loaded.ok ? (
        <SessionList sessions={loaded.value} own={session.user} />
      ) : (
        <ErrorPanel title="The sessions could not be read" message={loaded.message} />
      )}
    </section>
  );
}
