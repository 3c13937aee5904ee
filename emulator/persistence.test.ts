/**
 * The --state file: kept across restarts, written atomically, a corrupt one set aside.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import {
  PutObjectCommand,
  CreateBucketCommand,
  PutBucketVersioningCommand,
} from "@aws-sdk/client-s3";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { afterAll, describe, expect, it } from "vitest";
import { issue } from "../lib/pki/generate";

import { startTestEmulator, listAllDomains } from "../test-support/emulator";

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the state across restarts, written atomically", async () => {
    const file = join(dir, "state.json");
    const messages: string[] = [];
    const first = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[0]).toContain("does not exist yet");
    const { s3, acm, apiGateway } = first.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "kept" }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "kept",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    const root = await issue({ subject: "CN=Kept Root" });
    const v = await s3.send(
      new PutObjectCommand({ Bucket: "kept", Key: "ts.pem", Body: root.pem }),
    );
    const cert = await acm.send(new RequestCertificateCommand({ DomainName: "kept.example.com" }));
    await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "kept.example.com",
        regionalCertificateArn: cert.CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: {
          truststoreUri: "s3://kept/ts.pem",
          truststoreVersion: v.VersionId,
        },
      }),
    );
    await first.stop();
    expect(readdirSync(dir)).toEqual(["state.json"]);

    const second = await startTestEmulator({
      stateFile: file,
      seed: true,
      log: (m) => messages.push(m),
    });
    expect(messages[1]).toContain("Loaded the state");
    const d = await second
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: "kept.example.com" }));
    expect(d.mutualTlsAuthentication?.truststoreVersion).toBe(v.VersionId);
    // A loaded state is not overwritten by the demo seed.
    expect((await listAllDomains(second)).map((x) => x.domainName)).toEqual(["kept.example.com"]);
    await second.stop();
  });

  it("a corrupt state file gives a clear message and a fresh state, and is kept aside", async () => {
    const file = join(dir, "corrupt.json");
    writeFileSync(file, "{ this is not json");
    const messages: string[] = [];
    const t = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[0]).toMatch(
      /unreadable \(not JSON.*Starting with a fresh state; the old file was kept as .*corrupt\.json\.corrupt-/,
    );
    expect(await listAllDomains(t)).toEqual([]);
    await t.stop();
    const aside = readdirSync(dir).find((f) => f.startsWith("corrupt.json.corrupt-"))!;
    expect(readFileSync(join(dir, aside), "utf8")).toBe("{ this is not json");

    writeFileSync(file, JSON.stringify({ version: 1, domains: "nope" }));
    const t2 = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[1]).toContain("unreadable");
    await t2.stop();
  });
});
