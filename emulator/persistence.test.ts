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
import { clientsAs, keyOf } from "./test-account-clients";

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

  it("keeps other accounts' states, each apart, and refuses an account that is not 12 digits", async () => {
    const file = join(dir, "accounts.json");
    const first = await startTestEmulator({ stateFile: file });
    const fleet = clientsAs(first.endpoint, keyOf("111111111111"));
    await fleet.s3.send(new CreateBucketCommand({ Bucket: "fleet-kept" }));
    const cert = await fleet.acm.send(
      new RequestCertificateCommand({ DomainName: "fleet.kept.example" }),
    );
    await fleet.apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "fleet.kept.example",
        regionalCertificateArn: cert.CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
      }),
    );
    await first.stop();
    const saved = JSON.parse(readFileSync(file, "utf8")) as {
      domains: object;
      accounts: Record<string, { domains: object; buckets: object }>;
    };
    expect(Object.keys(saved.accounts)).toEqual(["111111111111"]);
    expect(Object.keys(saved.accounts["111111111111"]!.buckets)).toEqual(["fleet-kept"]);
    expect(saved.domains).toEqual({});

    const messages: string[] = [];
    const second = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[0]).toContain("Loaded the state");
    const again = clientsAs(second.endpoint, keyOf("111111111111"));
    const d = await again.apiGateway.send(
      new GetDomainNameCommand({ domainName: "fleet.kept.example" }),
    );
    expect(d.regionalCertificateArn).toBe(cert.CertificateArn);
    expect(await listAllDomains(second)).toEqual([]);
    await second.stop();

    writeFileSync(file, JSON.stringify({ ...saved, accounts: { "not-an-account": {} } }));
    const third = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[1]).toMatch(/unreadable \(accounts\.not-an-account/);
    await third.stop();
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
