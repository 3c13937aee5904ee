/**
 * The bench's figures for a case built without the console's own code:
 * certificates made by openssl's command line, truststore versions
 * uploaded and the domain name created with the AWS CLI as AWS's guide
 * prints the commands, against the emulator. The engine against native, and
 * the domain page measured as the big-history bench measures its own case.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { awsCli, awsCliAvailable } from "../test-support/aws-cli";
import { startTestEmulator } from "../test-support/emulator";
import { DOMAIN_PAGE_TARGETS, domainPageFigures } from "./big-history";
import { fixed, table } from "./measure";
import { engineVsNative } from "./truststore";

const run = promisify(execFile);
const CERTS = 1000;
const VERSIONS = 50;
const DOMAIN = "independent.example.com";
const BUCKET = "independent-truststores";

/** A root CA and CERTS - 1 CAs it issued, each with its own P-256 key, by openssl (PEMs, root first). */
async function opensslCertificates(dir: string): Promise<string[]> {
  const openssl = (...args: string[]) => run("openssl", args, { cwd: dir });
  await openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "root.key");
  const ca = ["-addext", "basicConstraints=critical,CA:TRUE"];
  const usage = ["-addext", "keyUsage=critical,keyCertSign,cRLSign"];
  await openssl(
    ...["req", "-x509", "-new", "-key", "root.key", "-days", "730", "-out", "root.pem"],
    ...["-subj", "/C=US/O=Independent Example/CN=Independent Root CA", ...ca, ...usage],
  );
  const issue = (i: number) =>
    openssl(
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"],
      ...["-keyout", "/dev/null", "-CA", "root.pem", "-CAkey", "root.key", "-days", "365"],
      ...["-set_serial", String(1000 + i), "-out", `ca-${i}.pem`],
      ...["-subj", `/C=US/O=Independent Example/CN=Independent Partner CA ${i}`, ...ca, ...usage],
    );
  // Two at a time (two cores).
  for (let i = 1; i < CERTS; i += 2)
    await Promise.all([issue(i), ...(i + 1 < CERTS ? [issue(i + 1)] : [])]);
  return ["root.pem", ...Array.from({ length: CERTS - 1 }, (_, i) => `ca-${i + 1}.pem`)].map(
    (file) => readFileSync(join(dir, file), "utf8"),
  );
}

export async function benchIndependent(): Promise<string> {
  if (!awsCliAvailable) return "skipped: the AWS CLI is not installed";
  const dir = mkdtempSync(join(tmpdir(), "bench-independent-"));
  const t = await startTestEmulator({ updatingMs: 0 });
  try {
    const made = performance.now();
    const pems = await opensslCertificates(dir);
    const opensslMs = performance.now() - made;
    const { ours, native } = await engineVsNative(pems.join(""), pems);

    const aws = awsCli(t.endpoint, dir);
    await aws("s3api", "create-bucket", "--bucket", BUCKET);
    await aws("s3api", "create-bucket", "--bucket", "bench-audit");
    await aws.shell(
      `aws s3api put-bucket-versioning --bucket ${BUCKET} --versioning-configuration Status=Enabled`,
    );
    // Each version drops a different CA, as the bench's own case does.
    const versionIds: string[] = [];
    for (let v = 0; v < VERSIONS; v++) {
      aws.file(`truststore-${v}.pem`, pems.filter((_, i) => i !== v + 1).join(""));
      const put = await aws.shell(
        `aws s3api put-object --bucket ${BUCKET} --key truststore.pem --body truststore-${v}.pem`,
      );
      versionIds.push(String(put.VersionId));
    }
    const cert = await aws.shell(`aws acm request-certificate --domain-name ${DOMAIN}`);
    // AWS's guide, step "Configure mutual TLS for a custom domain name" (following the latest object).
    await aws.shell(
      [
        `aws apigateway create-domain-name --region us-east-1`,
        `--domain-name ${DOMAIN}`,
        `--regional-certificate-arn ${String(cert.CertificateArn)}`,
        `--endpoint-configuration types=REGIONAL`,
        `--security-policy TLS_1_2`,
        `--mutual-tls-authentication truststoreUri=s3://${BUCKET}/truststore.pem`,
      ].join(" "),
    );
    const page = await domainPageFigures(t, {
      domain: DOMAIN,
      bucket: BUCKET,
      key: "truststore.pem",
      versionIds,
    });
    return [
      `Built by openssl ${CERTS} EC P-256 certificates (${fixed(opensslMs / 1000)} s) and the AWS CLI (${VERSIONS} versions, the domain name as AWS's guide creates it); compare with the truststore and big-history sections`,
      table(
        ["measure", "figure"],
        [
          [
            `engine vs native, ${CERTS} openssl certificates`,
            `${fixed(ours.medianMs)} ms vs ${fixed(native.medianMs)} ms (${fixed(ours.medianMs / native.medianMs)}×)`,
          ],
          ...page,
        ],
      ),
      `Targets: the engine within 1.5× native. ${DOMAIN_PAGE_TARGETS.replace(/^Targets: /, "")}`,
    ].join("\n");
  } finally {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
