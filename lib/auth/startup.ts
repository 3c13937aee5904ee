import { getBackend } from "../aws/config";
import { AuthConfigError, loadAuthConfig } from "./config";
import { domainsInDoubt } from "../records/intents";
import { storeSettings } from "../records/store";

/** At server start: the sign-in configuration is checked, and the embedded emulator (if any) starts now rather than on the first page. */
export function checkAuthAtStartup(): void {
  try {
    const config = loadAuthConfig();
    try {
      storeSettings();
    } catch (error) {
      throw new AuthConfigError((error as Error).message);
    }
    if (
      config.appUrl?.startsWith("http:") &&
      !/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|$)/.test(config.appUrl)
    ) {
      console.warn(
        `[auth] NEXTAUTH_URL is ${config.appUrl}: over plain http, session cookies cannot be marked Secure. Serve the dashboard over https.`,
      );
    }
    if (config.mode === "none") {
      console.warn(
        [
          "",
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
          "!!  AUTH_MODE=none: SIGN-IN IS OFF. Anyone who can reach this dashboard can  !!",
          "!!  change which clients may call your APIs. Never expose it like this.      !!",
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
          "",
        ].join("\n"),
      );
    } else {
      console.log(`[auth] sign-in mode: ${config.mode}`);
    }
    void getBackend()
      .then(() => domainsInDoubt())
      .then((doubts) => {
        for (const d of doubts)
          console.warn(
            `[audit] ${d.count} change(s) of ${d.domainName} (${d.region}) in doubt: AWS never confirmed them. Open the domain's page to see its real state and resolve them.`,
          );
      })
      .catch((error: Error) => console.error(`[aws] ${error.message}`));
  } catch (error) {
    if (error instanceof AuthConfigError) {
      console.error(`\nmTLS Console refuses to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
