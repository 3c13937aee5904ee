/**
 * A Lambda authorizer's IAM policy, judged as API Gateway does for one
 * execute-api ARN: statements whose Action and Resource match (`*` and `?`
 * wildcards); an explicit Deny wins, and without a matching Allow the
 * request is denied.
 */

export interface PolicyStatement {
  effect: "Allow" | "Deny";
  actions: string[];
  resources: string[];
}

export type PolicyVerdict = "allow" | "deny" | "no-allow";

const list = (v: unknown): string[] | null =>
  typeof v === "string"
    ? [v]
    : Array.isArray(v) && v.every((x) => typeof x === "string")
      ? v
      : null;

/** The policy document's statements; null when it is not a policy API Gateway can use. */
export function policyStatements(document: unknown): PolicyStatement[] | null {
  if (!document || typeof document !== "object") return null;
  const raw = (document as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : null;
  if (!statements) return null;
  const out: PolicyStatement[] = [];
  for (const s of statements as Record<string, unknown>[]) {
    const effect = s?.Effect;
    const actions = list(s?.Action);
    const resources = list(s?.Resource);
    if ((effect !== "Allow" && effect !== "Deny") || !actions || !resources) return null;
    out.push({ effect, actions, resources });
  }
  return out;
}

function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(value);
}

/** What the statements say about invoking `arn`. */
export function judgePolicy(statements: PolicyStatement[], arn: string): PolicyVerdict {
  const applies = (s: PolicyStatement) =>
    s.actions.some((a) => wildcard(a, "execute-api:Invoke", true)) &&
    s.resources.some((r) => wildcard(r, arn));
  const matching = statements.filter(applies);
  if (matching.some((s) => s.effect === "Deny")) return "deny";
  return matching.some((s) => s.effect === "Allow") ? "allow" : "no-allow";
}
