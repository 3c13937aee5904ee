"use client";
import { useRouter } from "next/navigation";
import { Button } from "../components/ui/button";

/** Ends the session through Auth.js's REST endpoints (keeps next-auth/react out of every page's bundle). */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }),
  });
}

/** Who is signed in, their role, and sign-out. */
export function UserMenu({
  user,
  role,
  canSignOut,
}: {
  user: string;
  role: string;
  canSignOut: boolean;
}) {
  const router = useRouter();
  return (
    <div className="ml-auto flex flex-wrap items-center gap-3 text-sm" data-testid="user-menu">
      <span>
        {user}{" "}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{role}</span>
      </span>
      {canSignOut && (
        <Button
          tone="secondary"
          size="xs"
          onClick={() =>
            void signOut().then(() => {
              router.replace("/signin");
              router.refresh();
            })
          }
        >
          Sign out
        </Button>
      )}
    </div>
  );
}
