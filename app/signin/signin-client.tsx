"use client";
import { signIn } from "next-auth/react";
import { useId, useState } from "react";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { Button } from "../../components/ui/button";
import { Field } from "../../components/ui/field";

/** Sign-in: user name and password (local users), or single sign-on (OIDC). */
export function SignInForm({
  mode,
  callbackUrl,
  initialError,
}: {
  mode: "local" | "oidc";
  callbackUrl?: string;
  initialError?: string;
}) {
  const ids = { error: useId() };
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);
  // Checked again here, against the page's own origin: only ever back to this app.
  const target =
    typeof window === "undefined" ? "/" : safeCallbackUrl(callbackUrl, window.location.origin);

  if (mode === "oidc") {
    return (
      <div className="space-y-3">
        {error && (
          <p role="alert" className="text-sm text-rose-800">
            {error}
          </p>
        )}
        <Button
          tone="primary"
          size="md"
          className="w-full"
          onClick={() => signIn("oidc", { callbackUrl: target })}
        >
          Sign in with single sign-on
        </Button>
      </div>
    );
  }
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(null);
        const result = await signIn("credentials", {
          username: form.get("username"),
          password: form.get("password"),
          redirect: false,
        });
        setPending(false);
        if (result?.ok && !result.error) {
          window.location.assign(target);
          return;
        }
        const locked = /locked:(name|address):(\d+)/.exec(result?.error ?? "");
        const whose = {
          name: "for this user name from your network address",
          address: "from your network address",
        };
        setError(
          locked
            ? `Too many failed attempts ${whose[locked[1] as keyof typeof whose]}. Try again in ${locked[2]} minute(s).`
            : result?.error?.includes("store-unavailable")
              ? "Signing in is not possible right now: the dashboard cannot reach its own store (the audit bucket). Nothing is wrong with your password. Tell whoever runs the dashboard; try again later."
              : "The user name or password is not right.",
        );
      }}
    >
      <Field
        label="User name"
        name="username"
        autoComplete="username"
        required
        aria-describedby={error ? ids.error : undefined}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-describedby={error ? ids.error : undefined}
      />
      <p id={ids.error} role="alert" aria-live="polite" className="min-h-5 text-sm text-rose-800">
        {error}
      </p>
      <Button type="submit" disabled={pending} tone="primary" size="md" className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
