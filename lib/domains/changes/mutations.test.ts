/**
 * The server side of upload and activation, against the emulator through
 * the real SDK: the server checks again and never trusts the browser.
 */

import {
  CreateBasePathMappingCommand,
  CreateRestApiCommand,
  GetDomainNameCommand,
  GetRestApiCommand,
  UpdateDomainNameCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { privateKeyPem, seedMtlsDomain } from "../../../test-support/seed";
import { bundle, chain, issue, type Issued } from "../../pki/generate";
import { refusal } from "../../../test-support/failure";
import type { DomainError } from "../shared/errors";
import * as mutations from "./mutations";
import { recordAuditEvent } from "../../records/audit";
import { turnOffDefaultEndpoint } from "./default-endpoint";
import { compareWithActive } from "../versions/compare";

let pki: Issued[];
let firstVersion: string;
const DOMAIN = "mut.test.example";

const current = async () =>
  (await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN })))
    .mutualTlsAuthentication?.truststoreVersion ?? "";
const versions = async () =>
  (await t.clients().s3.send(new ListObjectVersionsCommand({ Bucket: "mut", Prefix: "ts.pem" })))
    .Versions?.length ?? 0;

const t = suiteEmulator({ AUDIT_BUCKET: "mtls-console-audit" });

beforeAll(async () => {
  pki = await chain(2, { prefix: "Mut" });
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "mtls-console-audit" }));
  const seeded = await seedMtlsDomain(t.clients(), {
    domainName: DOMAIN,
    bucket: "mut",
    key: "ts.pem",
    versions: [pki[0]!.pem],
  });
  firstVersion = seeded.versionIds[0]!;
});

describe("upload and activate on the server", () => {
  it("refuses a file with a private key even when the browser let it through, writing nothing", async () => {
    const pem = `${pki[0]!.pem}\n${await privateKeyPem(pki[0]!.keys)}`;
    const error = await refusal(
      mutations.uploadAndActivate({
        region: "us-east-1",
        domainName: DOMAIN,
        pem,
        acknowledgeWarnings: true,
        actor: "x",
        expectedCurrentVersion: firstVersion,
      }),
    );
    expect(error.code).toBe("truststore-refused");
    expect(error.message).toContain("private-key");
    expect(error.message).not.toContain("BEGIN PRIVATE KEY");
    expect(await versions()).toBe(1);
  });

  it("refuses warnings that were not acknowledged, and a version that changed since the page was loaded", async () => {
    const weak = await issue({ subject: "CN=Mut SHA1", hash: "SHA-1" });
    const notAcked = await refusal(
      mutations.uploadAndActivate({
        region: "us-east-1",
        domainName: DOMAIN,
        pem: bundle(pki[0]!, weak),
        acknowledgeWarnings: false,
        actor: "x",
        expectedCurrentVersion: firstVersion,
      }),
    );
    expect(notAcked.code).toBe("warnings-not-acknowledged");
    const stale = await refusal(
      mutations.uploadAndActivate({
        region: "us-east-1",
        domainName: DOMAIN,
        pem: bundle(pki[0]!, pki[1]!),
        acknowledgeWarnings: false,
        actor: "x",
        expectedCurrentVersion: "someone-else",
      }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.message).toContain("changed outside this dashboard");
    expect(await versions()).toBe(1);
  });

  it("writes the version with its metadata and switches the domain to that exact version id", async () => {
    const result = await mutations.uploadAndActivate({
      region: "us-east-1",
      domainName: DOMAIN,
      pem: bundle(pki[0]!, pki[1]!),
      acknowledgeWarnings: false,
      actor: "alice@example.com",
      expectedCurrentVersion: firstVersion,
    });
    expect(result.activation.ok).toBe(true);
    const domain = await t
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN }));
    expect(domain.mutualTlsAuthentication?.truststoreVersion).toBe(result.versionId);
    const object = await t
      .clients()
      .s3.send(new GetObjectCommand({ Bucket: "mut", Key: "ts.pem", VersionId: result.versionId }));
    expect(object.Metadata).toMatchObject({
      "uploaded-by": "alice@example.com",
      "certificate-count": "2",
    });
    expect(object.Metadata?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports an upload whose activation failed, and activation of that version works afterwards", async () => {
    await t.control("faults", { operation: "UpdateDomainName", kind: "error503", count: 3 });
    const before = await current();
    const result = await mutations.uploadAndActivate({
      region: "us-east-1",
      domainName: DOMAIN,
      pem: pki[1]!.pem + "\n" + pki[0]!.pem,
      acknowledgeWarnings: false,
      actor: "bob",
      expectedCurrentVersion: before,
    });
    expect(result.activation.ok).toBe(false);
    expect(await current()).toBe(before);
    const activated = await mutations.activateVersion({
      region: "us-east-1",
      domainName: DOMAIN,
      versionId: result.versionId,
      actor: "bob",
      expectedCurrentVersion: before,
    });
    expect(activated.domain.mtls?.truststoreVersion).toBe(result.versionId);
  });

  it("two changes from the same starting point at once: exactly one applies", async () => {
    const current = (
      await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN }))
    ).mutualTlsAuthentication!.truststoreVersion!;
    const outcomes = await Promise.allSettled([
      mutations.activateVersion({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: firstVersion,
        actor: "ann",
        expectedCurrentVersion: current,
      }),
      mutations.disableMtls({
        region: "us-east-1",
        domainName: DOMAIN,
        actor: "ben",
        expectedCurrentVersion: current,
      }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("conflict");
    expect((refused.reason as DomainError).message).toContain("Nothing was changed");
    // Put mTLS back where it was for the next test, if it was the disable that won.
    const domain = await t
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN }));
    if (!domain.mutualTlsAuthentication) {
      await t.clients().apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: DOMAIN,
          patchOperations: [
            {
              op: "replace",
              path: "/mutualTlsAuthentication/truststoreUri",
              value: "s3://mut/ts.pem",
            },
          ],
        }),
      );
    }
  });

  it("a stale version names the recorded change that set the current one, not just the newest record", async () => {
    const current = (
      await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN }))
    ).mutualTlsAuthentication!.truststoreVersion!;
    const base = { role: "operator" as const, domainName: DOMAIN, region: "us-east-1" };
    await recordAuditEvent({
      ...base,
      user: "olga",
      action: "activate-truststore-version",
      toVersion: current,
      result: "success",
      at: new Date(Date.now() - 2_000),
    });
    // Newer records that did not set the version: a refusal and a stage's access log change.
    await recordAuditEvent({
      ...base,
      user: "zed",
      action: "activate-truststore-version",
      toVersion: "never-applied",
      result: "refused",
      at: new Date(Date.now() - 1_000),
    });
    await recordAuditEvent({
      ...base,
      user: "ivy",
      action: "add-client-cert-logging",
      result: "success",
    });
    const stale = await refusal(
      mutations.activateVersion({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: firstVersion,
        actor: "ann",
        expectedCurrentVersion: "what-ann-saw",
      }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.message).toContain("olga changed it");
    expect(stale.message).not.toContain("outside this dashboard");
    expect(stale.details).toMatchObject({ changedBy: "olga", currentVersion: current });
  });

  it("a rollback that drops a CA clients chain to today needs the domain name typed", async () => {
    // Adding a CA refuses nobody: no confirmation needed.
    const intermediate = await issue({
      subject: "CN=Mut Intermediate CA",
      issuer: pki[0]!,
      ca: true,
    });
    const both = await mutations.uploadAndActivate({
      region: "us-east-1",
      domainName: DOMAIN,
      pem: bundle(pki[0]!, intermediate),
      acknowledgeWarnings: false,
      actor: "carol",
      expectedCurrentVersion: await current(),
    });
    expect(both.activation.ok).toBe(true);
    const seen = await current();
    const unconfirmed = await refusal(
      mutations.activateVersion({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: firstVersion,
        actor: "carol",
        expectedCurrentVersion: seen,
      }),
    );
    expect(unconfirmed.code).toBe("lockout-unconfirmed");
    expect(unconfirmed.message).toContain("1 of 2 CAs that clients chain to today stop working");
    expect(unconfirmed.details?.broken).toEqual(["CN=Mut Intermediate CA"]);
    expect(await current()).toBe(seen);
    const wrong = await refusal(
      mutations.activateVersion({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: firstVersion,
        actor: "carol",
        expectedCurrentVersion: seen,
        confirmation: "other.example",
      }),
    );
    expect(wrong.code).toBe("lockout-unconfirmed");
    const back = await mutations.activateVersion({
      region: "us-east-1",
      domainName: DOMAIN,
      versionId: firstVersion,
      actor: "carol",
      expectedCurrentVersion: seen,
      confirmation: DOMAIN,
    });
    expect(back.domain.mtls?.truststoreVersion).toBe(firstVersion);
  });

  it("refuses versions that do not exist, and a change without the version the user saw", async () => {
    expect(
      (
        await refusal(
          mutations.activateVersion({
            region: "us-east-1",
            domainName: DOMAIN,
            versionId: "nope",
            actor: "carol",
            expectedCurrentVersion: firstVersion,
          }),
        )
      ).code,
    ).toBe("version-missing");
    expect(
      (
        await refusal(
          mutations.activateVersion({
            region: "us-east-1",
            domainName: "missing.test.example",
            versionId: firstVersion,
            actor: "carol",
            expectedCurrentVersion: "",
          }),
        )
      ).code,
    ).toBe("not-found");
    // "" means "I saw no version set": a domain pinned to a version refuses it.
    expect(
      (
        await refusal(
          mutations.activateVersion({
            region: "us-east-1",
            domainName: DOMAIN,
            versionId: firstVersion,
            actor: "carol",
            expectedCurrentVersion: "",
          }),
        )
      ).code,
    ).toBe("conflict");
  });

  it("disables a default endpoint only for a REST API mapped to the domain", async () => {
    const { apiGateway } = t.clients();
    const mapped = await apiGateway.send(
      new CreateRestApiCommand({ name: "mapped", endpointConfiguration: { types: ["REGIONAL"] } }),
    );
    const other = await apiGateway.send(
      new CreateRestApiCommand({ name: "other", endpointConfiguration: { types: ["REGIONAL"] } }),
    );
    await apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName: DOMAIN,
        restApiId: mapped.id!,
        basePath: "orders",
      }),
    );
    const refused = await refusal(
      turnOffDefaultEndpoint({
        region: "us-east-1",
        domainName: DOMAIN,
        restApiId: other.id!,
        actor: "ann",
      }),
    );
    expect(refused.code).toBe("not-mapped");
    expect(
      (await apiGateway.send(new GetRestApiCommand({ restApiId: other.id! })))
        .disableExecuteApiEndpoint,
    ).toBeFalsy();
    const done = await turnOffDefaultEndpoint({
      region: "us-east-1",
      domainName: DOMAIN,
      restApiId: mapped.id!,
      actor: "ann",
    });
    expect(done.api.disableExecuteApiEndpoint).toBe(true);
  });
});

describe("reads by S3 URI", () => {
  it("are refused for a domain whose backend reports its truststore: the domain's own is read", async () => {
    const error = await refusal(
      compareWithActive({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: firstVersion,
        truststoreUri: "s3://mtls-console-audit/mtls-console/events/x.json",
      }),
    );
    expect(error.code).toBe("truststore-refused");
  });
});
