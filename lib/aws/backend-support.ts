/**
 * What each AWS backend can tell and do, stated once. The dashboard states
 * these gaps instead of assuming (./capabilities.ts), the end-to-end suites
 * skip with these reasons (e2e/aws.ts), and the README's backend table is
 * rendered from here (a unit test checks it).
 */

export const BACKENDS = ["aws", "emulator", "localstack", "moto"] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * true: supported (seen in a test suite, or AWS's documented behaviour);
 * a string: not supported, and why; `unverified`: expected to work, not yet
 * seen here (its suite runs it and would tell).
 */
export type Support = true | string | { unverified: string };

export interface Feature {
  /** What works, as the README's table says it. */
  what: string;
  support: Record<BackendName, Support>;
}

const NOT_OURS = "not ours: the control endpoints exist only in the mTLS Console emulator";

export const FEATURES = {
  listing: {
    what: "Overview: domain names, ACM certificates, endpoint types, DNS targets",
    support: { aws: true, emulator: true, localstack: true, moto: true },
  },
  "edge-dns-target": {
    what: "An edge-optimized domain's DNS target (its CloudFront distribution name)",
    support: {
      aws: true,
      emulator: true,
      localstack: "reports no distributionDomainName: the page shows no DNS target",
      moto: true,
    },
  },
  "mtls-fields": {
    what: "A domain's mutual TLS settings: truststore URI, active version, AWS's truststore warnings",
    support: {
      aws: true,
      emulator: true,
      localstack:
        "drops mutualTlsAuthentication from every answer: mTLS is shown as unknown, never as off",
      moto: "drops mutualTlsAuthentication from every answer: mTLS is shown as unknown, never as off",
    },
  },
  "s3-truststore": {
    what: "Truststore versions from S3: decode, check, diff (opened by its S3 URI where mTLS is unknown)",
    support: { aws: true, emulator: true, localstack: true, moto: true },
  },
  "update-domain-name": {
    what: "Upload and activate, switch, roll back, disable mTLS (UpdateDomainName)",
    support: {
      aws: true,
      emulator: true,
      localstack: "answers UpdateDomainName with HTTP 501",
      moto: "answers UpdateDomainName with HTTP 500 (not implemented)",
    },
  },
  "domain-status": {
    what: "Statuses other than AVAILABLE (UPDATING, PENDING…, FAILED) and their help",
    support: {
      aws: true,
      emulator: true,
      localstack: "reports every domain AVAILABLE",
      moto: "reports every domain AVAILABLE",
    },
  },
  "base-path-mappings": {
    what: "Base path mappings and the default execute-api endpoint check and fix",
    support: {
      aws: true,
      emulator: true,
      localstack: true,
      moto: true,
    },
  },
  "empty-mappings": {
    what: "A domain without base path mappings",
    support: {
      aws: true,
      emulator: true,
      localstack: true,
      moto: "answers GetBasePathMappings with HTTP 500: that section says so, the rest of the page stays",
    },
  },
  "http-apis": {
    what: "HTTP API mappings (API Gateway v2) of a domain; the data plane serves them",
    support: {
      aws: true,
      emulator: true,
      localstack: "no API Gateway v2 in LocalStack's community edition",
      moto: "keeps v1 and v2 domain names apart: a domain created through v2 is not in v1's listing, so the dashboard does not see it",
    },
  },
  apigatewayv2: {
    what: "API Gateway v2 at all (HTTP APIs, their API mappings and stages)",
    support: {
      aws: true,
      emulator: true,
      localstack:
        "not in LocalStack's community edition (every call answers InternalFailure): domains show their REST mappings only",
      moto: true,
    },
  },
  "routing-rules": {
    what: "A domain's routing mode and routing rules (the REST API stages they invoke count for clients seen and API types)",
    support: {
      aws: true,
      emulator: true,
      localstack: "no API Gateway v2 in LocalStack's community edition",
      moto: "implements neither routing rules nor routingMode",
    },
  },
  "api-types": {
    what: "Overview: each domain's API types (REST, HTTP, WebSocket) from its API mappings, and the type filter",
    support: {
      aws: true,
      emulator: true,
      localstack:
        "no API Gateway v2 in LocalStack's community edition, where API mappings are listed: the types are shown as unknown",
      moto: "v2 lists no API mapping of a domain created through v1: the types are shown as unknown",
    },
  },
  "conditional-writes": {
    what: "The console's store: audit trail, change locks (S3 If-None-Match / If-Match), version summaries",
    support: {
      aws: true,
      emulator: true,
      localstack: true,
      moto: true,
    },
  },
  "bucket-owner": {
    what: "ExpectedBucketOwner enforced on the audit bucket",
    support: {
      aws: true,
      emulator: true,
      localstack: "ignores ExpectedBucketOwner (a wrong owner is not refused)",
      moto: "ignores ExpectedBucketOwner (a wrong owner is not refused)",
    },
  },
  paging: {
    what: "Listings paged by `limit` (over 500 domain names)",
    support: {
      aws: true,
      emulator: true,
      localstack: "ignores limit: every domain in one answer",
      moto: "ignores limit: every domain in one answer",
    },
  },
  "revocation-lists": {
    what: "Revocation lists beside the truststore (revoke, lift, CRLs, history) and their coverage by the revocation authorizer",
    support: {
      aws: true,
      emulator: true,
      localstack:
        "drops the domain's mutual TLS settings, so there is no truststore for the lists to sit beside",
      moto: "drops the domain's mutual TLS settings, so there is no truststore for the lists to sit beside",
    },
  },
  "revocation-authorizer": {
    what: "The revocation authorizer enforced on real requests (a Lambda REQUEST authorizer after the mTLS handshake)",
    support: {
      aws: true,
      emulator: true,
      localstack: "no mutual TLS data plane here",
      moto: "no mutual TLS data plane here",
    },
  },
  "data-plane": {
    what: "Custom domains served over real TLS with mutual TLS enforced (curl, `truststore probe`)",
    support: {
      aws: true,
      emulator: true,
      localstack: "serves no custom domain name",
      moto: "serves no custom domain name",
    },
  },
  "clients-seen": {
    what: "Clients seen: stages' access logs read with CloudWatch Logs Insights; the lockout guard counts them",
    support: {
      aws: true,
      emulator: true,
      localstack: {
        unverified:
          "the stage fix works (its suite); queries over real events are not checked: it serves no custom domain to make them",
      },
      moto: {
        unverified:
          "the stage fix and an empty query work (its suite); queries over real events are not checked",
      },
    },
  },
  "demo-data": {
    what: "Demo data: domains in every status, truststores with history, REST APIs",
    support: {
      aws: "a real account has its own",
      emulator: true,
      localstack: "starts empty",
      moto: "starts empty",
    },
  },
  "test-controls": {
    what: "Test controls: injected faults, clock, request counts, status changes",
    support: {
      aws: "a real account has none",
      emulator: true,
      localstack: NOT_OURS,
      moto: NOT_OURS,
    },
  },
} satisfies Record<string, Feature>;

export type FeatureId = keyof typeof FEATURES;

/** Why `backend` lacks `feature`, or undefined when it has it (or is expected to). */
export function gap(backend: BackendName, feature: FeatureId): string | undefined {
  const s: Support = FEATURES[feature].support[backend];
  return typeof s === "string" ? s : undefined;
}

export function supports(backend: BackendName, feature: FeatureId): boolean {
  return gap(backend, feature) === undefined;
}

function cell(s: Support): string {
  if (s === true) return "yes";
  if (typeof s === "string") return `no: ${s}`;
  return `unverified: ${s.unverified}`;
}

const TITLES: Record<BackendName, string> = {
  aws: "AWS",
  emulator: "embedded emulator",
  localstack: "LocalStack 4.14 (`localstack-core` in host mode, or `--compat localstack`)",
  moto: "moto 5.2 (`moto_server`)",
};

/** The README's table: one row per feature, one column per backend. */
export function backendTable(): string {
  const header = `| what | ${BACKENDS.map((b) => TITLES[b]).join(" | ")} |`;
  const rule = `| --- | ${BACKENDS.map(() => "---").join(" | ")} |`;
  const rows = Object.values(FEATURES).map(
    (f: Feature) => `| ${f.what} | ${BACKENDS.map((b) => cell(f.support[b])).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}
