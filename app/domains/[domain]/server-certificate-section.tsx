import type { DomainDetail } from "@/lib/domains/views/detail";
import { CertificateCard } from "./certificate-card";
import { Section } from "./section";

/** The ACM server certificate, and the ownership verification certificate (or why one is needed). */
export function ServerCertificateSection({ detail }: { detail: DomainDetail }) {
  const { domain, serverCertificate, ownershipCertificate, evaluatedAt: now } = detail;
  const server = serverCertificate.ok ? serverCertificate.value : null;
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
          server &&
          server.type !== "AMAZON_ISSUED" &&
          domain.mtls && (
            <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
              This {server.type.toLowerCase()} server certificate needs an ACM-issued ownership
              verification certificate for mutual TLS.
            </p>
          )
        )}
      </div>
    </Section>
  );
}
