/**
 * At server start (Node.js runtime): refuse to run without a sign-in
 * configuration outside the embedded demo, say loudly when sign-in is off,
 * and start the embedded emulator when no AWS configuration is present.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { provideEmbeddedBackend, resolveBackendKind } = await import("./lib/aws/config");
    if (resolveBackendKind() === "embedded") {
      const { startEmbedded } = await import("./emulator/embedded");
      provideEmbeddedBackend(() => startEmbedded());
    }
    const { checkAuthAtStartup } = await import("./lib/auth/startup");
    checkAuthAtStartup();
  }
}
