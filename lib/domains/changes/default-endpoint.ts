import "server-only";
/**
 * Closing the bypass: disabling the default execute-api endpoint of a REST
 * API mapped to an mTLS domain, so that clients cannot skip the domain's
 * mutual TLS. Under the domain's lock, with its intent written first.
 */
import { disableExecuteApiEndpoint, getBasePathMappings, getRestApi } from "../../aws/api-gateway";
import { NO_RECORD, type Actor, type DomainRef } from "./change-refs";
import { DomainError } from "../shared/errors";
import { withDomainLock } from "./locks";
import type { RestApiSummary } from "../../model/domain";

/** Disables the default execute-api endpoint of a REST API that is mapped to the domain (and only then). */
export async function turnOffDefaultEndpoint(
  ref: DomainRef & Actor & { restApiId: string },
): Promise<{ api: RestApiSummary; requestId?: string }> {
  const region = ref.region;
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const mappings = await getBasePathMappings(ref.domainName, region);
      if (!mappings.some((m) => m.restApiId === ref.restApiId)) {
        throw new DomainError(
          "not-mapped",
          `The REST API ${ref.restApiId} is not mapped to ${ref.domainName}, so it cannot be changed from this domain's page. Nothing was changed.`,
        );
      }
      const api = await getRestApi(ref.restApiId, region);
      if (!api)
        throw new DomainError(
          "not-found",
          `The REST API ${ref.restApiId} does not exist (any more).`,
        );
      if (api.disableExecuteApiEndpoint) return { api };
      await (ref.change ?? NO_RECORD).begin({
        domainName: ref.domainName,
        region,
        message: `disable the default endpoint of REST API ${ref.restApiId}`,
      });
      return lease.write(`Disabling the default endpoint of REST API ${ref.restApiId}`, () =>
        disableExecuteApiEndpoint(ref.restApiId, region),
      );
    },
    { action: "disabling a default endpoint" },
  );
}
