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
  ["watch", "`npm run watch` on a schedule: reads, and publishes to SNS when asked to."],
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
    "The console's own store (`AUDIT_BUCKET`) needs `s3:GetObject`, `s3:PutObject`, `s3:DeleteObject` and `s3:ListBucket` for every signed-in role: audit events, change locks and sign-in attempts are written there. Scope `Resource` to your truststore buckets, the audit bucket, your custom domain names (`arn:aws:apigateway:REGION::/domainnames/*`, `/restapis/*`), log groups and topic instead of `*`. API Gateway writes access logs through the account's CloudWatch role (API Gateway account settings), not the caller's.",
    "",
    "| call | IAM actions | roles | why |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "## Policies",
    "",
    ...policies.flatMap((p) => [p, ""]),
  ].join("\n");
}
