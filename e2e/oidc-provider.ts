/**
 * A real OpenID Provider for the sign-in tests (oidc-provider, the certified
 * Node.js implementation), on 127.0.0.1:4700. Accounts whose id starts with
 * "op" are in the operators group; everyone else is not. E-mail addresses
 * are verified except for accounts whose id starts with "unverified".
 * For tests, `POST /test/groups/ACCOUNT` with a JSON array changes an
 * account's groups (as an administrator would at the provider).
 */
import Provider from "oidc-provider";

const PORT = Number(process.env.OIDC_PORT ?? 4700);
const APP = process.env.OIDC_APP_URL ?? "http://127.0.0.1:3103";
export const OIDC_CLIENT = { id: "mtls-console", secret: "e2e-client-secret-0123456789abcdef" };

const groupOverrides = new Map<string, string[]>();

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
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
  pkce: { required: () => false },
  // Put the granted claims (email, groups) in the ID token, as most enterprise IdPs do.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        const groups =
          groupOverrides.get(id) ??
          (id.startsWith("op") ? ["mtls-console-operators"] : ["everyone"]);
        return {
          sub: id,
          email: `${id}@example.com`,
          email_verified: !id.startsWith("unverified"),
          name: id,
          groups,
        };
      },
    };
  },
});
provider.proxy = false;
provider.use(async (ctx, next) => {
  const match = /^\/test\/groups\/([^/]+)$/.exec(ctx.path);
  if (!match || ctx.method !== "POST") return next();
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  groupOverrides.set(
    decodeURIComponent(match[1]!),
    JSON.parse(Buffer.concat(chunks).toString("utf8")) as string[],
  );
  ctx.status = 204;
});
provider.listen(PORT, "127.0.0.1");
console.log(`OpenID Provider on http://127.0.0.1:${PORT}`);
