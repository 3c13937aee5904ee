"use client";
/**
 * The active truststore version's certificates: rows from the server, 50 a
 * page; a certificate's decoded detail is fetched when it is opened, once.
 */
import { useCallback, useRef, useState } from "react";
import { getTruststoreCertificate } from "@/lib/actions/get-truststore-certificate";
import type { CertificateReport, CertificateRow } from "@/lib/truststore";
import { CertificateDetails, CertificateList } from "./certificate-list-client";

type Detail = CertificateReport | { error: string } | "loading";

export function ActiveCertificates({
  domainName,
  region,
  versionId,
  rows,
  now,
}: {
  domainName: string;
  region: string;
  versionId: string;
  rows: CertificateRow[];
  now: number;
}) {
  const [details, setDetails] = useState<Record<number, Detail>>({});
  const asked = useRef(new Set<number>());
  const open = useCallback(
    (index: number) => {
      if (asked.current.has(index)) return;
      asked.current.add(index);
      setDetails((now) => ({ ...now, [index]: "loading" }));
      void getTruststoreCertificate({ domainName, region, versionId, index }).then((result) => {
        if (!result.ok) asked.current.delete(index);
        setDetails((now) => ({
          ...now,
          [index]: result.ok ? result.data : { error: result.message },
        }));
      });
    },
    [domainName, region, versionId],
  );
  return (
    <CertificateList
      rows={rows}
      anchorPrefix="active"
      now={now}
      onOpen={open}
      detail={(index) => {
        const d = details[index];
        if (!d || d === "loading")
          return (
            <p role="status" className="text-xs text-slate-600">
              Decoding…
            </p>
          );
        if ("error" in d) return <p className="text-xs text-rose-800">{d.error}</p>;
        return <CertificateDetails cert={d} />;
      }}
    />
  );
}
