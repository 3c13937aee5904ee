/**
 * A real OpenID Provider for the sign-in tests (oidc-provider, the certified
 * Node.js implementation), on 127.0.0.1:4700. Accounts whose id starts with
 * "op" are in the operators group; everyone else is not.
 */
import Provider from "oidc-provider";

const PORT = Number(process.env.OIDC_PORT ?? 4700);
const APP = process.env.OIDC_APP_URL ?? "http://127.0.0.1:3103";
export const OIDC_CLIENT = { id: "mtls-console", secret: "e2e-client-secret-0123456789abcdef" };

const provider = new Provider(`http://127.0.0.1:${PORT}`, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${APP}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email"], profile: ["name", "groups"] },
  cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
  pkce: { required: () => false },
  // Put the granted claims (email, groups) in the ID token, as most enterprise IdPs do.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: `${id}@example.com`, name: id, groups: id.startsWith("op") ? ["mtls-console-operators"] : ["everyone"] };
      },
    };
  },
});
provider.proxy = false;
provider.listen(PORT, "127.0.0.1");
console.log(`OpenID Provider on http://127.0.0.1:${PORT}`);
