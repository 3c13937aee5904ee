/**
 * The IAM actions behind every AWS call the console makes, and which role
 * needs each: the source of docs/iam.md's policies (a unit test checks that
 * every SDK command the code sends is here, and that the page says the same).
 */

/**
 * viewer, operator: what a signed-in user's reads and changes need; watch:
 * the scheduled CLI; console: the server process's own credentials (its
 * store, and in a fleet the accounts' roles it assumes). With one account,
 * the process holds console and viewer (or operator) together.
 */
export type IamRole = "viewer" | "operator" | "watch" | "console";

interface Call {
  actions: string[];
  roles: IamRole[];
  /** Why it is needed, when that is not obvious. */
  note?: string;
}

const READ: IamRole[] = ["viewer", "operator", "watch"];
const CHANGE: IamRole[] = ["operator"];
const STORE: IamRole[] = ["console"];

/** By SDK command (paginators count as their command). */
export const IAM_CALLS: Record<string, Call> = {
  GetDomainNamesCommand: { actions: ["apigateway:GET"], roles: READ },
  ListRegionsCommand: {
    actions: ["account:ListRegions"],
    roles: READ,
    note: 'a fleet account listed with "regions": "all": the regions it has enabled',
  },
  GetDomainNameCommand: { actions: ["apigateway:GET"], roles: READ },
  GetBasePathMappingsCommand: { actions: ["apigateway:GET"], roles: READ },
  GetRestApiCommand: { actions: ["apigateway:GET"], roles: READ },
  GetStageCommand: { actions: ["apigateway:GET"], roles: READ, note: "v1 and v2" },
  GetApiMappingsCommand: { actions: ["apigateway:GET"], roles: READ, note: "API Gateway v2" },
  GetApiCommand: { actions: ["apigateway:GET"], roles: READ, note: "API Gateway v2" },
  ListRoutingRulesCommand: {
    actions: ["apigateway:GET"],
    roles: READ,
    note: "API Gateway v2: a domain's routing rules",
  },
  GetResourcesCommand: {
    actions: ["apigateway:GET"],
    roles: READ,
    note: "revocation coverage: a REST API's methods and their authorizers",
  },
  GetAuthorizersCommand: {
    actions: ["apigateway:GET"],
    roles: READ,
    note: "revocation coverage (v1 and v2)",
  },
  GetRoutesCommand: {
    actions: ["apigateway:GET"],
    roles: READ,
    note: "API Gateway v2: revocation coverage of an HTTP API's routes",
  },
  UpdateDomainNameCommand: {
    actions: ["apigateway:PATCH", "s3:GetObject", "s3:GetObjectVersion"],
    roles: CHANGE,
    note: "API Gateway reads the truststore with the caller's permissions",
  },
  GetRestApisCommand: {
    actions: ["apigateway:GET"],
    roles: ["viewer", "operator"],
    note: "the overview's API types; the new-domain form",
  },
  GetStagesCommand: {
    actions: ["apigateway:GET"],
    roles: CHANGE,
    note: "the new-domain form (v1 and v2)",
  },
  GetApisCommand: {
    actions: ["apigateway:GET"],
    roles: ["viewer", "operator"],
    note: "API Gateway v2: the overview's API types; the new-domain form",
  },
  CreateApiMappingCommand: { actions: ["apigateway:POST"], roles: CHANGE, note: "API Gateway v2" },
  CreateDomainNameCommand: {
    actions: ["apigateway:POST", "s3:GetObject", "s3:GetObjectVersion"],
    roles: CHANGE,
    note: "API Gateway reads the truststore with the caller's permissions",
  },
  CreateBasePathMappingCommand: { actions: ["apigateway:POST"], roles: CHANGE },
  UpdateRestApiCommand: { actions: ["apigateway:PATCH"], roles: CHANGE },
  UpdateStageCommand: { actions: ["apigateway:PATCH"], roles: CHANGE, note: "v1 and v2" },
  DescribeCertificateCommand: { actions: ["acm:DescribeCertificate"], roles: READ },
  ListCertificatesCommand: { actions: ["acm:ListCertificates"], roles: READ },
  GetObjectCommand: {
    actions: ["s3:GetObject", "s3:GetObjectVersion"],
    roles: [...READ, "console"],
    note: "truststores and revocation lists; the console's store",
  },
  HeadObjectCommand: {
    actions: ["s3:GetObject", "s3:GetObjectVersion"],
    roles: READ,
    note: "a truststore's size and type before it is read",
  },
  ListObjectVersionsCommand: { actions: ["s3:ListBucketVersions"], roles: READ },
  GetBucketVersioningCommand: { actions: ["s3:GetBucketVersioning"], roles: CHANGE },
  PutBucketVersioningCommand: { actions: ["s3:PutBucketVersioning"], roles: CHANGE },
  PutObjectCommand: {
    actions: ["s3:PutObject"],
    roles: ["operator", "console"],
    note: "truststore uploads and revocation lists (operator); the console's own store: audit events, locks, sign-in attempts, version summaries",
  },
  DeleteObjectCommand: {
    actions: ["s3:DeleteObject"],
    roles: STORE,
    note: "the console's store: locks, old sign-in attempts",
  },
  ListObjectsV2Command: { actions: ["s3:ListBucket"], roles: STORE, note: "the console's store" },
  HeadBucketCommand: { actions: ["s3:ListBucket"], roles: STORE, note: "the console's store" },
  CreateBucketCommand: { actions: [], roles: [], note: "the embedded demo only" },
  GetCallerIdentityCommand: { actions: [], roles: [], note: "needs no permission" },
  StartQueryCommand: { actions: ["logs:StartQuery"], roles: READ },
  GetQueryResultsCommand: { actions: ["logs:GetQueryResults"], roles: READ },
  CreateLogGroupCommand: { actions: ["logs:CreateLogGroup"], roles: CHANGE },
  PutRetentionPolicyCommand: { actions: ["logs:PutRetentionPolicy"], roles: CHANGE },
  DescribeLogGroupsCommand: {
    actions: ["logs:DescribeLogGroups"],
    roles: CHANGE,
    note: "an access log group's retention",
  },
  PublishCommand: { actions: ["sns:Publish"], roles: ["watch"] },
};

/**
 * Actions no command of ours sends, by role: the SDK's assumed-role
 * credentials call AssumeRole for a fleet's accounts (lib/aws/assumed-roles.ts).
 */
export const PROVIDER_ACTIONS: Partial<Record<IamRole, string[]>> = {
  console: ["sts:AssumeRole"],
};

/** A role's IAM actions, sorted, each once. */
export function roleActions(role: IamRole): string[] {
  const actions = new Set<string>(PROVIDER_ACTIONS[role] ?? []);
  for (const call of Object.values(IAM_CALLS))
    if (call.roles.includes(role)) for (const a of call.actions) actions.add(a);
  return [...actions].sort();
}

/** The least policy for a role: its actions, sorted, on every resource ("*": scope them to your ARNs). */
export function policyFor(role: IamRole): { Version: string; Statement: unknown[] } {
  const actions = roleActions(role);
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
  };
}
