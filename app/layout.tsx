import type { Metadata } from "next";
import Link from "next/link";
import { BackendBanner } from "@/app/backend-banner";
import { UserMenu } from "@/app/user-menu-client";
import { getSession } from "@/lib/auth/session";
import { describeBackend } from "@/lib/domains/views/backend";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "mTLS Console", template: "%s · mTLS Console" },
  description:
    "Custom domain names of Amazon API Gateway with mutual TLS: truststores decoded, checked and rolled back safely.",
};

// Everything shown is live AWS state: render on every request, never at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  // What the backend is, and what it cannot do, is told only to someone signed in.
  const backend = session ? await describeBackend() : null;
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {session?.mode === "none" && (
          <div
            role="alert"
            data-testid="no-auth-banner"
            className="bg-rose-700 px-4 py-2 text-center text-sm font-semibold text-white"
          >
            Sign-in is OFF (AUTH_MODE=none): anyone who can reach this page can change which clients
            may call your APIs.
          </div>
        )}
        {backend && (
          <BackendBanner
            backend={backend}
            demoUser={session?.mode === "demo" ? session.user : undefined}
          />
        )}
        <header className="border-b border-slate-200 bg-white">
          <nav
            className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
            aria-label="Main"
          >
            <Link href="/" className="font-semibold tracking-tight">
              mTLS Console
            </Link>
            {session && (
              <>
                <Link href="/" className="text-sm text-slate-600 hover:text-slate-900">
                  Domain names
                </Link>
                <Link href="/inspect" className="text-sm text-slate-600 hover:text-slate-900">
                  Inspect
                </Link>
                {session.role === "operator" &&
                  (session.mode === "local" || session.mode === "oidc") && (
                    <Link href="/sessions" className="text-sm text-slate-600 hover:text-slate-900">
                      Sessions
                    </Link>
                  )}
              </>
            )}
            {session && (
              <UserMenu
                user={session.user}
                role={session.role}
                canSignOut={session.mode === "local" || session.mode === "oidc"}
              />
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
