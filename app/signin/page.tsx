import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/signin/signin-client";
import { callbackPath, safeCallbackUrl } from "@/lib/auth/callback-url";
import { getAuthConfig } from "@/lib/auth/config";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const config = getAuthConfig();
  if (config.mode !== "local" && config.mode !== "oidc") redirect("/");
  // Only ever back to this app (resolved as a browser would, same origin or home).
  const origin = config.appUrl ?? "http://localhost";
  if (await getSession()) redirect(safeCallbackUrl(callbackUrl, origin));
  const target = callbackPath(callbackUrl, origin);
  return (
    <section className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Sign in to mTLS Console</h1>
      <p className="text-sm text-slate-600">
        Whoever signs in here can see which clients may call your APIs
        {config.mode === "local" ? "; operators can change it" : ""}.
      </p>
      <SignInForm
        mode={config.mode}
        callbackUrl={target}
        initialError={error ? "Signing in did not work. Try again." : undefined}
      />
    </section>
  );
}
