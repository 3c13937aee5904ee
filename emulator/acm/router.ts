/**
 * ACM (JSON 1.1, X-Amz-Target: CertificateManager.*): import, request,
 * describe, list, get and delete certificates.
 */
import { AwsError } from "../http";
import { refusal, targetTable, type TargetOperation } from "../route-table";
import { importCertificate, requestCertificate } from "./certificate-requests-wire";
import * as certificates from "./certificates-wire";

export { issueAmazonCertificate } from "./amazon-issued-certificates";

const OPERATIONS: TargetOperation[] = [
  ["ImportCertificate", true, importCertificate],
  ["RequestCertificate", true, requestCertificate],
  ["DescribeCertificate", false, certificates.describeCertificate],
  ["ListCertificates", false, certificates.listCertificates],
  ["GetCertificate", false, certificates.getCertificate],
  ["DeleteCertificate", true, certificates.deleteCertificate],
];

export const route = targetTable(/^CertificateManager\./, OPERATIONS, (operation, target) =>
  operation || target
    ? refusal(
        operation || target,
        () =>
          new AwsError(
            400,
            "UnknownOperationException",
            `Operation ${target} is not supported by this emulator.`,
          ),
      )
    : null,
);
