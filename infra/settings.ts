/**
 * What the deployment is told: CDK context (`-c key=value`, or "context" in
 * infra/cdk.json), every key with a default so that `npm run infra:synth`
 * works with no arguments. Placeholder defaults (the certificate, the
 * public URL, the OIDC issuer, the external id) are named in `placeholders`
 * so the app can warn about them. docs/deploy.md lists the keys.
 */

/** Where a container image comes from: a full URI, or a tag of an ECR repository in the stack's account. */
export type ImageSource = { uri: string } | { repository: string; tag: string };

export interface ConsoleSettings {
  account?: string;
  region?: string;
  image: ImageSource;
  watchImage: ImageSource;
  certificateArn: string;
  publicUrl: string;
  oidc: {
    issuer: string;
    clientId: string;
    roleClaim?: string;
    operatorValue?: string;
    operators?: string;
  };
  /** Secrets Manager secrets; made by the stack when not given. */
  authSecretArn?: string;
  oidcClientSecretArn?: string;
  auditPrefix: string;
  auditRetentionDays: number;
  signInAttemptsExpireDays: number;
  desiredCount: number;
  cpu: number;
  memoryMiB: number;
  logRetentionDays: number;
  internetFacing: boolean;
  allowedCidr: string;
  vpcId?: string;
  natGateways: number;
  regions: string[];
  truststoreBuckets: string[];
  /** The member accounts the console manages besides its own (their roles from the member-roles stack). */
  memberAccounts: MemberAccount[];
  taskRoleName: string;
  /** The watch's own role, which the viewer roles trust (the member stack's WatchRoleArn). */
  watchRoleName: string;
  memberViewerRoleName: string;
  memberOperatorRoleName: string;
  externalId: string;
  /** The console's own account's label in the overview (context consoleAccountLabel). */
  consoleAccountLabel: string;
  watchEveryHours: number;
  watchDays: number;
  watchSnsTopicArn?: string;
  /** Context keys left at a placeholder default: synth works, a deployment would not. */
  placeholders: string[];
}

export interface MemberAccount {
  id: string;
  label: string;
  regions: string[];
}

type Lookup = (key: string) => unknown;

/**
 * The `accounts` context: the member accounts as JSON,
 * `[{"id":"222222222222","label":"payments","regions":["eu-west-1"]}]`.
 */
function parseMemberAccounts(value: string | undefined): MemberAccount[] {
  if (value === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error("Context accounts is not JSON: a list of {id, label, regions}.");
  }
  const ok = (a: unknown): a is MemberAccount => {
    const x = a as MemberAccount;
    return (
      typeof x === "object" &&
      x !== null &&
      /^\d{12}$/.test(String(x.id)) &&
      typeof x.label === "string" &&
      x.label.length > 0 &&
      Array.isArray(x.regions) &&
      x.regions.length > 0 &&
      x.regions.every((r) => /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(String(r)))
    );
  };
  if (!Array.isArray(parsed) || !parsed.every(ok))
    throw new Error(
      'Context accounts is a list of {"id": 12 digits, "label": text, "regions": [region names]}.',
    );
  return parsed;
}
type Env = Record<string, string | undefined>;

const PLACEHOLDER_CERTIFICATE =
  "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000";

export function settingsFrom(lookup: Lookup, env: Env = process.env): ConsoleSettings {
  const placeholders: string[] = [];
  const text = (key: string): string | undefined => {
    const value = lookup(key);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      throw new Error(`Context ${key} must be a string, not ${JSON.stringify(value)}.`);
    return String(value);
  };
  const placeholder = (key: string, fallback: string): string => {
    const value = text(key);
    if (value !== undefined) return value;
    placeholders.push(key);
    return fallback;
  };
  const whole = (key: string, fallback: number, min: number, max: number): number => {
    const raw = text(key);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`Context ${key} must be a whole number from ${min} to ${max}, not "${raw}".`);
    return value;
  };
  const list = (key: string): string[] =>
    (text(key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    if (raw !== "true" && raw !== "false")
      throw new Error(`Context ${key} is "true" or "false", not "${raw}".`);
    return raw === "true";
  };
  const image = (uriKey: string, tagKey: string, defaultTag: string): ImageSource => {
    const uri = text(uriKey);
    if (uri) return { uri };
    return { repository: text("ecrRepository") ?? "mtls-console", tag: text(tagKey) ?? defaultTag };
  };

  const memberAccounts = parseMemberAccounts(text("accounts"));
  const imageTag = text("imageTag") ?? "latest";
  const desiredCount = whole("desiredCount", 2, 2, 20);

  const settings: ConsoleSettings = {
    account: text("account") ?? env.CDK_DEFAULT_ACCOUNT,
    region: text("region") ?? env.CDK_DEFAULT_REGION,
    image: image("image", "imageTag", imageTag),
    watchImage: image("watchImage", "watchImageTag", `${imageTag}-watch`),
    certificateArn: placeholder("certificateArn", PLACEHOLDER_CERTIFICATE),
    publicUrl: placeholder("publicUrl", "https://mtls-console.example.com"),
    oidc: {
      issuer: placeholder("oidcIssuer", "https://login.example.com"),
      clientId: text("oidcClientId") ?? "mtls-console",
      roleClaim: text("oidcRoleClaim"),
      operatorValue: text("oidcOperatorValue"),
      operators: text("oidcOperators"),
    },
    authSecretArn: text("authSecretArn"),
    oidcClientSecretArn: text("oidcClientSecretArn"),
    auditPrefix: (text("auditPrefix") ?? "mtls-console/").replace(/^\/+/, ""),
    auditRetentionDays: whole("auditRetentionDays", 400, 0, 36500),
    signInAttemptsExpireDays: whole("signInAttemptsExpireDays", 3, 1, 365),
    desiredCount,
    cpu: whole("cpu", 512, 256, 16384),
    memoryMiB: whole("memoryMiB", 1024, 512, 122880),
    logRetentionDays: whole("logRetentionDays", 90, 1, 3653),
    internetFacing: flag("internetFacing", true),
    allowedCidr: text("allowedCidr") ?? "0.0.0.0/0",
    vpcId: text("vpcId"),
    natGateways: whole("natGateways", 1, 1, 3),
    regions: list("regions"),
    truststoreBuckets: list("truststoreBuckets"),
    memberAccounts,
    taskRoleName: text("taskRoleName") ?? "mtls-console-task",
    watchRoleName: text("watchRoleName") ?? "mtls-console-watch",
    memberViewerRoleName: text("memberViewerRoleName") ?? "mtls-console-viewer",
    memberOperatorRoleName: text("memberOperatorRoleName") ?? "mtls-console-operator",
    externalId: placeholder("externalId", "mtls-console"),
    consoleAccountLabel: text("consoleAccountLabel") ?? "console",
    watchEveryHours: whole("watchEveryHours", 24, 1, 168),
    watchDays: whole("watchDays", 30, 0, 3650),
    watchSnsTopicArn: text("watchSnsTopicArn"),
    placeholders,
  };
  if (!settings.auditPrefix.endsWith("/"))
    throw new Error(`Context auditPrefix must end with "/", not "${settings.auditPrefix}".`);
  return settings;
}
