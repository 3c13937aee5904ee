import "server-only";
/**
 * Making a stage's access log carry the client certificate fields that
 * "clients seen" needs: optimistic (it applies only to the format the user
 * saw) and only for a stage mapped to the domain.
 */
import { setHttpStageAccessLog } from "../aws/apigatewayv2";
import { getBackend } from "../aws/config";
import { ensureLogGroup, logGroupName } from "../aws/logs";
import { setStageAccessLog } from "../aws/stages";
import { storeLocation } from "../auth/store";
import { withClientCertFields } from "./access-log-format";
import { forgetClientsSeen, mappedStages, stageLoggingOf } from "./clients-seen";
import { DomainError } from "./errors";

export interface StageRef {
  domainName: string;
  region?: string;
  /** The REST API's id, or the HTTP API's (with `http`). */
  restApiId: string;
  http?: boolean;
  stageName: string;
  /** The stage's format as the user saw it ("" when it had no access log). */
  expectedFormat: string;
}

export interface AccessLogChange {
  destinationArn: string;
  format: string;
  previousFormat: string;
  requestId?: string;
}

export async function addClientCertLogging(stageRef: StageRef): Promise<AccessLogChange> {
  const ref = { ...stageRef, region: stageRef.region ?? (await getBackend()).defaultRegion };
  const kind = ref.http ? "HTTP API" : "REST API";
  const target = { apiId: ref.restApiId, stage: ref.stageName, http: !!ref.http };
  const mapped = (await mappedStages(ref.domainName, ref.region)).some(
    (m) => m.apiId === target.apiId && m.stage === target.stage && m.http === target.http,
  );
  if (!mapped)
    throw new DomainError(
      "not-mapped",
      `Stage ${ref.stageName} of ${kind} ${ref.restApiId} is not mapped to ${ref.domainName}, so it cannot be changed from this domain's page. Nothing was changed.`,
    );
  const stage = await stageLoggingOf(target, ref.region);
  if (!stage)
    throw new DomainError("not-found", `The stage ${ref.stageName} does not exist (any more).`);
  const current = stage.accessLog?.format ?? "";
  if (current !== ref.expectedFormat)
    throw new DomainError(
      "conflict",
      `The access log of stage ${ref.stageName} changed since this page was loaded. Nothing was changed. Reload to see it before changing it.`,
    );
  let destinationArn = stage.accessLog?.destinationArn;
  if (!destinationArn || !logGroupName(destinationArn)) {
    const group = `/aws/apigateway/access-logs/${ref.restApiId}/${ref.stageName.replace("$", "")}`;
    await ensureLogGroup(group, ref.region);
    const { owner } = await storeLocation();
    destinationArn = `arn:aws:logs:${ref.region}:${owner}:log-group:${group}`;
  }
  const format = withClientCertFields(stage.accessLog?.format);
  const { requestId } = await (ref.http ? setHttpStageAccessLog : setStageAccessLog)(
    ref.restApiId,
    ref.stageName,
    { destinationArn, format },
    ref.region,
  );
  forgetClientsSeen(ref.domainName, ref.region);
  return { destinationArn, format, previousFormat: current, ...(requestId ? { requestId } : {}) };
}
