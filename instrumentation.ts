/**
 * At server start (Node.js runtime): refuse to run without a sign-in
 * configuration outside the embedded demo, and say loudly when sign-in is off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkAuthAtStartup } = await import("./lib/auth/startup");
    checkAuthAtStartup();
  }
}
