/**
 * For tests: an emulator on a free port, the project's own SDK clients
 * pointed at it, and a caller for the control endpoints.
 */
import "reflect-metadata";
import { createClients, type AwsClients } from "../lib/aws/clients";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator/server";

export interface TestEmulator {
  emulator: RunningEmulator;
  endpoint: string;
  clients(region?: string, options?: { maxAttempts?: number }): AwsClients;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const endpoint = emulator.endpoint;
  return {
    emulator,
    endpoint,
    clients(region = "us-east-1", clientOptions = {}) {
      return createClients(
        {
          kind: "endpoint",
          endpoint,
          serviceEndpoints: {},
          defaultRegion: region,
          staticCredentials: { accessKeyId: "test", secretAccessKey: "test" },
        },
        region,
        clientOptions,
      );
    },
    control: <T>(path: string, body?: unknown, method?: string) =>
      emulatorControl<T>(endpoint, path, body, method),
    stop: () => emulator.stop(),
  };
}

/** A private key as PKCS#8 PEM, for ACM ImportCertificate. */
export async function privateKeyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END PRIVATE KEY-----\n`;
}

export interface CaughtAwsError {
  name: string;
  status?: number;
  attempts?: number;
  message: string;
  headers: Record<string, string>;
}

/** The AWS error a call fails with (the test fails if it does not). */
export async function errorOf(promise: Promise<unknown>): Promise<CaughtAwsError> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      name: string;
      message: string;
      $metadata?: { httpStatusCode?: number; attempts?: number };
      $response?: { headers?: Record<string, string> };
    };
    return {
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      attempts: e.$metadata?.attempts,
      message: e.message,
      headers: e.$response?.headers ?? {},
    };
  }
  throw new Error("expected the call to fail");
}

/** Calls an emulator control endpoint (/_emulator/PATH): GET without a body, POST with one. */
export async function emulatorControl<T = unknown>(
  endpoint: string,
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<T> {
  const res = await fetch(`${endpoint}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Points the project's own AWS configuration (lib/aws/config.ts) at a test
 * emulator through the environment, as a deployment would; returns the undo.
 */
export function pointSdkAt(t: TestEmulator, extra: Record<string, string> = {}): () => void {
  const env = {
    AWS_ENDPOINT_URL: t.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    ...extra,
  };
  Object.assign(process.env, env);
  return () => {
    for (const key of Object.keys(env)) delete process.env[key];
  };
}

/** Every domain name of a region, through the SDK's paging (limit 500). */
export async function listAllDomains(t: TestEmulator, region = "us-east-1") {
  const { GetDomainNamesCommand } = await import("@aws-sdk/client-api-gateway");
  const { apiGateway } = t.clients(region);
  const out = [];
  let position: string | undefined;
  do {
    const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500, position }));
    out.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return out;
}

/**
 * A versioned bucket holding `versions` of a truststore (written as another
 * tool would: the SDK alone), and a REGIONAL custom domain name with an
 * ACM-issued certificate and mTLS pinned to one of them (default: the
 * last). Returns the version ids, oldest first.
 */
export async function seedTruststoreDomain(
  clients: AwsClients,
  options: {
    domainName: string;
    bucket: string;
    key?: string;
    versions: string[];
    active?: number;
  },
): Promise<string[]> {
  const { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } =
    await import("@aws-sdk/client-s3");
  const { RequestCertificateCommand } = await import("@aws-sdk/client-acm");
  const { CreateDomainNameCommand } = await import("@aws-sdk/client-api-gateway");
  const key = options.key ?? "ts.pem";
  await clients.s3.send(new CreateBucketCommand({ Bucket: options.bucket }));
  await clients.s3.send(
    new PutBucketVersioningCommand({
      Bucket: options.bucket,
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  const ids: string[] = [];
  for (const Body of options.versions) {
    ids.push(
      (await clients.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body })))
        .VersionId!,
    );
  }
  const { CertificateArn } = await clients.acm.send(
    new RequestCertificateCommand({ DomainName: options.domainName }),
  );
  await clients.apiGateway.send(
    new CreateDomainNameCommand({
      domainName: options.domainName,
      regionalCertificateArn: CertificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: `s3://${options.bucket}/${key}`,
        truststoreVersion: ids[options.active ?? ids.length - 1],
      },
    }),
  );
  return ids;
}

/**
 * A REST API that can be deployed (as on AWS, it needs a method: GET on "/"
 * with a MOCK integration), deployed to `stageName`. Returns its id.
 */
export async function deployedRestApi(
  clients: AwsClients,
  name: string,
  stageName: string,
): Promise<string> {
  const {
    CreateDeploymentCommand,
    CreateRestApiCommand,
    GetResourcesCommand,
    PutIntegrationCommand,
    PutMethodCommand,
  } = await import("@aws-sdk/client-api-gateway");
  const { apiGateway } = clients;
  const restApiId = (await apiGateway.send(new CreateRestApiCommand({ name }))).id!;
  const { items = [] } = await apiGateway.send(new GetResourcesCommand({ restApiId }));
  const resourceId = items.find((r) => r.path === "/")!.id!;
  await apiGateway.send(
    new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }),
  );
  await apiGateway.send(
    new PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "MOCK" }),
  );
  await apiGateway.send(new CreateDeploymentCommand({ restApiId, stageName }));
  return restApiId;
}
