import { describe, expect, it } from "vitest";
import { createClients, hasAwsConfiguration, resolveBackendKind } from "./config";

const noFiles = () => false;

describe("which AWS the dashboard uses", () => {
  it("embedded when nothing at all is configured", () => {
    expect(hasAwsConfiguration({ HOME: "/nowhere" }, noFiles)).toBe(false);
    expect(resolveBackendKind({ HOME: "/nowhere" }, noFiles)).toBe("embedded");
  });

  it("never embedded when a profile, keys, an endpoint, web identity or a config file exists", () => {
    for (const env of [
      { AWS_PROFILE: "prod" },
      { AWS_ACCESS_KEY_ID: "AKIA…" },
      { AWS_ENDPOINT_URL: "http://localhost:4566" },
      { AWS_ENDPOINT_URL_S3: "http://localhost:9000" },
      { AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token" },
      { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials" },
    ]) {
      expect(
        resolveBackendKind({ HOME: "/nowhere", ...env }, noFiles),
        JSON.stringify(env),
      ).not.toBe("embedded");
    }
    expect(resolveBackendKind({ HOME: "/home/u" }, (p) => p === "/home/u/.aws/config")).toBe("aws");
    expect(
      resolveBackendKind(
        { HOME: "/home/u", AWS_SHARED_CREDENTIALS_FILE: "/etc/creds" },
        (p) => p === "/etc/creds",
      ),
    ).toBe("aws");
    expect(resolveBackendKind({ AWS_ENDPOINT_URL: "http://localhost:4566" }, noFiles)).toBe(
      "endpoint",
    );
  });

  it("MTLS_CONSOLE_BACKEND overrides the detection, and a bad value is refused", () => {
    expect(
      resolveBackendKind({ MTLS_CONSOLE_BACKEND: "embedded", AWS_PROFILE: "prod" }, noFiles),
    ).toBe("embedded");
    expect(resolveBackendKind({ MTLS_CONSOLE_BACKEND: "aws" }, noFiles)).toBe("aws");
    expect(() => resolveBackendKind({ MTLS_CONSOLE_BACKEND: "maybe" }, noFiles)).toThrow(
      /embedded" or "aws/,
    );
  });
});

describe("SDK clients", () => {
  it("point every service at the endpoint, S3 path-style, with standard retries (no shared client-side rate limiter)", async () => {
    const clients = createClients(
      {
        kind: "endpoint",
        endpoint: "http://127.0.0.1:4566",
        serviceEndpoints: { acm: "http://127.0.0.1:9999" },
        defaultRegion: "eu-west-1",
      },
      "eu-west-1",
    );
    const apiEndpoint = await clients.apiGateway.config.endpoint!();
    expect(`${apiEndpoint.protocol}//${apiEndpoint.hostname}:${apiEndpoint.port}`).toBe(
      "http://127.0.0.1:4566",
    );
    const acmEndpoint = await clients.acm.config.endpoint!();
    expect(acmEndpoint.port).toBe(9999);
    expect(clients.s3.config.forcePathStyle).toBe(true);
    expect(await clients.s3.config.region()).toBe("eu-west-1");
    expect(await clients.apiGateway.config.retryStrategy()).toMatchObject({ mode: "standard" });
  });

  it("without an endpoint, use AWS's own endpoints and virtual-host S3", async () => {
    const clients = createClients(
      { kind: "aws", serviceEndpoints: {}, defaultRegion: "us-east-1" },
      "us-east-1",
    );
    expect(clients.apiGateway.config.endpoint).toBeUndefined();
    expect(clients.s3.config.forcePathStyle).toBe(false);
  });
});
