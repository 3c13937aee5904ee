"use client";
import { signOut } from "next-auth/react";

/** Who is signed in, their role, and sign-out. */
export function UserMenu({ user, role, canSignOut }: { user: string; role: string; canSignOut: boolean }) {
  return (
    <div className="ml-auto flex items-center gap-3 text-sm" data-testid="user-menu">
      <span>
        {user} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{role}</span>
      </span>
      {canSignOut && (
        <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50" onClick={() => signOut({ callbackUrl: "/signin" })}>
          Sign out
        </button>
      )}
    </div>
  );
}
