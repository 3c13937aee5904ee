/**
 * docs/iam.md, rendered from ./iam.ts (`npm run iam-page` writes it; a unit
 * test checks that the page says the same).
 */
import { IAM_CALLS, policyFor, type IamRole } from "./iam";

const ROLES: [IamRole, string][] = [
  ["viewer", "The dashboard for viewers: it reads everything and changes nothing."],
  [
    "operator",
    "The dashboard for operators: uploads, activates, rolls back, disables mTLS and default endpoints, adds access log fields.",
  ],
  [
    "watch",
    "`npm run watch` on a schedule: reads, and publishes to SNS when asked to. In a fleet it holds only AssumeRole on each account's viewer role (and SNS), as the deployment in docs/deploy.md sets it up.",
  ],
  [
    "console",
    "The server process's own credentials: the console's store (audit events, locks, intents, sessions, sign-in attempts, version summaries) and, in a fleet (`MTLS_CONSOLE_ACCOUNTS`), assuming each account's viewer and operator roles, which hold the rest. With one account and no fleet, give the process this policy and the viewer (or operator) policy together.",
  ],
];

export function iamPage(): string {
  const rows = Object.entries(IAM_CALLS).map(
    ([command, call]) =>
      `| \`${command.replace(/Command$/, "")}\` | ${call.actions.map((a) => `\`${a}\``).join(", ") || "none"} | ${call.roles.join(", ") || "—"} | ${call.note ?? ""} |`,
  );
  const policies = ROLES.map(
    ([role, what]) =>
      `### ${role}\n\n${what}\n\n\`\`\`json\n${JSON.stringify(policyFor(role), null, 2)}\n\`\`\``,
  );
  return [
    "# IAM: the least each role needs",
    "",
    "Every AWS call the console makes, the IAM actions it needs, and the roles that make it. Written from `lib/aws/iam.ts` by `npm run iam-page`; a unit test checks that every SDK command the code sends is listed and that this page is current.",
    "",
    "The console's own store (`AUDIT_BUCKET`) is used with the process's own credentials (the console role below), whoever is signed in: audit events, change locks and sign-in attempts are written there. In a fleet, reads go through each account's viewer role and changes through its operator role, so the process itself holds no API Gateway rights. Scope `Resource` to your truststore buckets, the audit bucket, your custom domain names (`arn:aws:apigateway:REGION::/domainnames/*`, `/restapis/*`), log groups and topic instead of `*`. API Gateway writes access logs through the account's CloudWatch role (API Gateway account settings), not the caller's.",
    "",
    "| call | IAM actions | roles | why |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "## Policies",
    "",
    ...policies.flatMap((p) => [p, ""]),
    "## The store: history nobody can edit",
    "",
    "Each domain's change records are chained (each holds the hash of the one before) and a digest names the newest; the domain page and `npm run --silent audit -- verify` (exit 2 when a chain is broken or shortened) report an edited, removed or added record. To make such an edit impossible rather than visible:",
    "",
    "1. Create the store's bucket with S3 Object Lock and a default retention in **compliance** mode (versioning comes with it). Every write is then kept for the retention period, whoever asks: a record can be overwritten or deleted only as a new version or a delete marker, and the locked original stays. The console's own deletes (locks, intents, old sign-in attempts) are delete markers and keep working:",
    "",
    "```sh",
    "aws s3api create-bucket --bucket mtls-console-audit --object-lock-enabled-for-bucket",
    `aws s3api put-object-lock-configuration --bucket mtls-console-audit --object-lock-configuration '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Days":400}}}'`,
    "```",
    "",
    "2. Scope the console's store permissions to its prefix, and deny deletes of the history to everyone but a break-glass role:",
    "",
    "```json",
    JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: "arn:aws:s3:::mtls-console-audit/mtls-console/*",
          },
          {
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: "arn:aws:s3:::mtls-console-audit",
            Condition: { StringLike: { "s3:prefix": "mtls-console/*" } },
          },
          ...["s3:Delete*", "s3:PutObjectRetention"].map((Action) => ({
            Effect: "Deny",
            Action,
            Resource: [
              "arn:aws:s3:::mtls-console-audit/mtls-console/events/*",
              "arn:aws:s3:::mtls-console-audit/mtls-console/refusals/*",
              "arn:aws:s3:::mtls-console-audit/mtls-console/digests/*",
            ],
          })),
        ],
      },
      null,
      2,
    ),
    "```",
    "",
    "3. Run `npm run --silent audit -- verify` on a schedule (like `watch`), and alert on any exit code but 0 (2: a chain broken or shortened; 4: the store not reached).",
    "",
  ].join("\n");
}
