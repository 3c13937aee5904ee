/**
 * Mutual TLS on the data plane: the truststore version in force (the old
 * one while an update propagates), the client judged against it with the
 * truststore engine (verdicts reused a while per client and version), and
 * the client certificate's identity as API Gateway hands it on.
 */
import { createHash } from "node:crypto";
import {
  judgeClientCertificate,
  clientCertIdentity,
  type ClientCertIdentity,
} from "../../lib/truststore";
import { loadBundle } from "../../lib/truststore/check";
import { parseS3Uri } from "../apigateway/truststore-warnings";
import type { Context } from "../http";
import { readObjectForTruststore } from "../s3/router";
import type { DomainName } from "../state";

interface Presented {
  /** PEMs the client presented, its certificate first. */
  clientChain: string[];
  at: number;
  verdictMs?: number;
}

/** The mutual TLS in force: while UPDATING, what was in force before the update. */
export function servingMtls(domain: DomainName) {
  if (domain.status === "UPDATING" && domain.servingMutualTls !== undefined)
    return domain.servingMutualTls;
  return domain.mutualTls ?? null;
}

const verdicts = new Map<string, Promise<{ accepted: boolean; reason?: string }>>();

export async function judge(ctx: Context, domain: DomainName, r: Presented) {
  const mtls = servingMtls(domain);
  if (!mtls) return { accepted: true };
  if (r.clientChain.length === 0)
    return { accepted: false, reason: "Access denied. Reason: No client certificate presented" };
  const { bucket, key } = parseS3Uri(mtls.truststoreUri);
  const object = readObjectForTruststore(ctx.state, bucket, key, mtls.truststoreVersion);
  if ("error" in object)
    return { accepted: false, reason: `Access denied. Reason: ${object.error}` };
  const id = createHash("sha256")
    .update(
      `${mtls.truststoreUri}#${object.versionId}#${Math.floor(r.at / (r.verdictMs ?? 60_000))}#${r.clientChain.join("")}`,
    )
    .digest("hex");
  let verdict = verdicts.get(id);
  if (!verdict) {
    verdict = judgeClientCertificate(object.body, r.clientChain.join("\n"), {
      at: new Date(r.at),
    }).then((result) => {
      const first = result.refusals[0];
      return result.accepted
        ? { accepted: true }
        : {
            accepted: false,
            reason: `Access denied. Reason: ${first?.awsLog ?? first?.message ?? "refused"}`,
          };
    });
    verdicts.set(id, verdict);
    if (verdicts.size > 2000) verdicts.delete(verdicts.keys().next().value!);
  }
  return verdict;
}

const identities = new Map<string, Promise<ClientCertIdentity | null>>();

export function identityOf(chain: string[]): Promise<ClientCertIdentity | null> {
  const pem = chain[0];
  if (!pem) return Promise.resolve(null);
  let found = identities.get(pem);
  if (!found) {
    found = loadBundle(pem).then((b) => {
      const leaf = b.certificates[0];
      return leaf ? clientCertIdentity(leaf.decoded) : null;
    });
    identities.set(pem, found);
    if (identities.size > 2000) identities.delete(identities.keys().next().value!);
  }
  return found;
}
