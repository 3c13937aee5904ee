"use client";
/**
 * The active truststore version's certificates: rows from the server
 * (packed: a thousand of them share their names), 50 a page; a
 * certificate's decoded detail is fetched when it is opened, once.
 */
import { useCallback, useMemo } from "react";
import { getTruststoreCertificate } from "@/lib/actions/get-truststore-certificate";
import { unpackRows, type PackedRows } from "@/lib/truststore/certificate-rows";
import { CertificateDetails, CertificateList } from "../../../components/certificate-list-client";
import { useFetched } from "./use-fetched";

export function ActiveCertificates({
  domainName,
  region,
  versionId,
  packed,
  now,
  truststoreUri,
}: {
  domainName: string;
  region: string;
  versionId: string;
  /** Set when the truststore was opened by its S3 URI. */
  truststoreUri?: string;
  packed: PackedRows;
  now: number;
}) {
  const rows = useMemo(() => unpackRows(packed), [packed]);
  const read = useCallback(
    (index: number) =>
      getTruststoreCertificate({
        domainName,
        region,
        versionId,
        index,
        ...(truststoreUri ? { truststoreUri } : {}),
      }),
    [domainName, region, versionId, truststoreUri],
  );
  const { values: details, request: open } = useFetched(read);
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
