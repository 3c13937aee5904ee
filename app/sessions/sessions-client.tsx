"use client";
/** The operators' list of sessions, each with a button that ends it. */
import { useState } from "react";
import { revokeUserSession } from "@/lib/actions/revoke-session";
import type { SessionRecord } from "@/lib/auth/sessions";
import { Notice } from "../../components/notice";
import { Button } from "../../components/ui/button";
import { TableHead } from "../../components/ui/table-head";
import { useAction } from "../../components/use-action";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function SessionList({ sessions, own }: { sessions: SessionRecord[]; own: string }) {
  const { run, pending } = useAction(revokeUserSession);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (sessions.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No session is open (other than ones from before sessions were recorded).
      </p>
    );
  return (
    <div className="space-y-3">
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Open sessions, newest first</caption>
          <TableHead columns={["Who", "Role", "Signed in", "Ends at the latest", ""]} />
          <tbody>
            {sessions.map((s) => (
              <tr key={s.sid} className="border-t border-slate-100" data-testid="session-row">
                <td className="px-3 py-2">
                  {s.user}
                  {s.user === own && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                </td>
                <td className="px-3 py-2">{s.role}</td>
                <td className="px-3 py-2 whitespace-nowrap">{utc(s.signedInAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{utc(s.expiresAt)}</td>
                <td className="px-3 py-2 text-right">
                  <Button
                    size="xs"
                    tone="danger"
                    disabled={pending}
                    onClick={() =>
                      run({ sid: s.sid }, (r) =>
                        setOutcome(
                          r.ok
                            ? { ok: true, text: `The session of ${r.data.user} has ended.` }
                            : { ok: false, text: r.message },
                        ),
                      )
                    }
                  >
                    End this session
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.text}</Notice>}
    </div>
  );
}
