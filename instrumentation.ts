/**
 * At server start (Node.js runtime): JSON logs in production; refuse to run
 * without a sign-in configuration, or on a store it cannot use, outside the
 * embedded demo, say loudly when sign-in is off,
 * start the embedded emulator when no AWS configuration is present (nor an
 * instance role), and stop gracefully on SIGTERM.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installJsonLogs, wantsJsonLogs } = await import("./lib/aws/request-log");
    if (wantsJsonLogs()) installJsonLogs();
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
    if (resolveBackendKind() !== "embedded") {
      // Outside the demo the store must be usable: wrong settings stop the start now, an
      // unusable bucket after MTLS_CONSOLE_STORE_WAIT_MS (readiness says 503 meanwhile).
      const { awaitUsableStore, checkStoreSettings, storeWaitMs } =
        await import("./lib/records/store-at-start");
      checkStoreSettings();
      const waitMs = storeWaitMs();
      void awaitUsableStore(waitMs).then((usable) => {
        if (usable) return;
        console.error(
          `[store] the audit bucket (AUDIT_BUCKET) was still not usable after ${waitMs} ms: stopping. Create it, or fix AUDIT_BUCKET, AUDIT_BUCKET_OWNER and the role's S3 permissions.`,
        );
        process.exit(1);
      });
    }
    // `npm start` hands SIGTERM and SIGINT to us (NEXT_MANUAL_SIG_HANDLE): changes under way finish
    // and are recorded, new ones are refused, then the server exits.
    if (process.env.NEXT_MANUAL_SIG_HANDLE) {
      const { drainChanges } = await import("./lib/records/draining");
      const graceMs = Number(process.env.MTLS_CONSOLE_STOP_GRACE_MS) || 25_000;
      for (const signal of ["SIGTERM", "SIGINT"] as const)
        process.once(signal, () => {
          console.log(`[server] ${signal}: refusing new changes, finishing those under way`);
          void drainChanges(graceMs).then(({ waitedFor, left }) => {
            console.log(
              `[server] stopping: ${waitedFor - left} of ${waitedFor} changes finished${left ? `, ${left} left in doubt` : ""}`,
            );
            process.exit(left ? 1 : 0);
          });
        });
    }
  }
}
