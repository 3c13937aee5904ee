import type { DomainDetail } from "@/lib/domains/views/detail";
import { certificateNames, namesCover, type ServerCertificate } from "@/lib/model/domain";
import { CertificateCard } from "./certificate-card";
import { ReplaceOwnershipCertificate } from "./lazy-flows-client";
import { Section } from "./section";

/** For PENDING_CERTIFICATE_REIMPORT: the names that do not match, from the certificates themselves. */
function reimportMismatch(
  domainName: string,
  server: ServerCertificate,
  owner: ServerCertificate | null,
): string {
  const names = [...new Set(certificateNames(server))];
  if (!namesCover(names, domainName))
    return `The server certificate names ${names.join(", ")}, not ${domainName}.`;
  if (!owner) return "";
  const ownerNames = certificateNames(owner);
  const loose = names.filter((n) => !namesCover(ownerNames, n));
  return loose.length
    ? `Names of the server certificate that the ownership verification certificate does not cover: ${loose.join(", ")}.`
    : "";
}

/** The ACM server certificate, and the ownership verification certificate (or why one is needed). */
export function ServerCertificateSection({
  detail,
  region,
  ownershipBlockedReason,
}: {
  detail: DomainDetail;
  region: string;
  /** Why this user cannot set the ownership certificate (PENDING_OWNERSHIP_VERIFICATION never blocks it). */
  ownershipBlockedReason?: string;
}) {
  const { domain, serverCertificate, ownershipCertificate, evaluatedAt: now } = detail;
  const server = serverCertificate.ok ? serverCertificate.value : null;
  const owner = ownershipCertificate.ok ? ownershipCertificate.value : null;
  const needsOwner = !!server && server.type !== "AMAZON_ISSUED";
  const mismatch =
    server && domain.status === "PENDING_CERTIFICATE_REIMPORT"
      ? reimportMismatch(domain.domainName, server, owner)
      : "";
  const offerOwner =
    domain.endpointType === "REGIONAL" &&
    (needsOwner ||
      !!domain.ownershipVerificationCertificateArn ||
      domain.status === "PENDING_OWNERSHIP_VERIFICATION");
  return (
    <Section title="Server certificate" id="server-certificate">
      <div className="grid gap-4 md:grid-cols-2">
        <CertificateCard title="Server certificate (ACM)" loaded={serverCertificate} now={now} />
        {domain.ownershipVerificationCertificateArn ? (
          <CertificateCard
            title="Ownership verification certificate"
            loaded={ownershipCertificate}
            ownership
            now={now}
          />
        ) : (
          needsOwner &&
          domain.mtls && (
            <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
              This {server.type.toLowerCase()} server certificate needs an ACM-issued ownership
              verification certificate for mutual TLS.
            </p>
          )
        )}
      </div>
      {mismatch && (
        <p
          className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="reimport-mismatch"
        >
          {mismatch}
        </p>
      )}
      {offerOwner && (
        <div className="mt-3">
          <ReplaceOwnershipCertificate
            domainName={domain.domainName}
            region={region}
            current={domain.ownershipVerificationCertificateArn ?? null}
            {...(ownershipBlockedReason ? { blockedReason: ownershipBlockedReason } : {})}
          />
        </div>
      )}
    </Section>
  );
}
