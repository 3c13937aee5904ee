/**
 * At server start (Node.js runtime): refuse to run without a sign-in
 * configuration outside the embedded demo, say loudly when sign-in is off,
 * and start the embedded emulator when no AWS configuration is present
 * (nor an instance role).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { provideEmbeddedBackend, resolveBackendKind } = await import("./lib/aws/config");
    // An EC2 instance role counts as AWS configuration: the demo only where the SDK finds none.
    if (!process.env.MTLS_CONSOLE_BACKEND && resolveBackendKind() === "embedded") {
      const { instanceRoleAvailable } = await import("./lib/aws/instance-role");
      if (await instanceRoleAvailable()) {
        process.env.MTLS_CONSOLE_BACKEND = "aws";
        console.log("[aws] credentials from this host's instance role: running against AWS.");
      }
    }
    if (resolveBackendKind() === "embedded") {
      const { startEmbedded } = await import("./emulator/embedded");
      provideEmbeddedBackend(() => startEmbedded());
    }
    const { checkAuthAtStartup } = await import("./lib/auth/startup");
    checkAuthAtStartup();
  }
}
