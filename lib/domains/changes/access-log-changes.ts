import "server-only";
/**
 * Making a stage's access log carry the fields that "clients seen" needs
 * (client certificate, domain, status, error): a change like any other. It
 * applies only to the format the user saw, only for a stage mapped to the
 * domain, under the domain's lock, with its intent written first; a log
 * group it creates gets the retention the operator picked.
 */
import { setHttpStageAccessLog } from "../../aws/apigatewayv2";
import { ensureLogGroup, logGroupName } from "../../aws/logs";
import { setStageAccessLog } from "../../aws/stages";
import type { ChangeRecorder } from "../../records/intents";
import { callerAccount } from "../../aws/account";
import { accessLogGroupFor, withClientCertFields } from "../../model/access-log-format";
import { forgetClientsSeen, mappedStages, stageLoggingOf } from "../clients-seen/clients-seen";
import { DomainError } from "../shared/errors";
import { withDomainLock } from "./locks";

export interface StageRef {
  domainName: string;
  region: string;
  /** The REST API's id, or the HTTP API's (with `http`). */
  restApiId: string;
  http?: boolean;
  stageName: string;
  /** The stage's format as the user saw it ("" when it had no access log). */
  expectedFormat: string;
  /** The retention of a log group this change creates, in days. */
  retentionDays?: number;
  actor?: string;
  change?: ChangeRecorder;
}

export interface AccessLogChange {
  destinationArn: string;
  format: string;
  previousFormat: string;
  /** The console's log group for the stage (created, or found from an earlier try), with its retention. */
  createdGroup?: { name: string; retentionDays: number };
  requestId?: string;
}

export async function addCertFieldsToAccessLog(stageRef: StageRef): Promise<AccessLogChange> {
  const ref = stageRef;
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
  const retentionDays = ref.retentionDays ?? 90;
  return withDomainLock(
    ref.domainName,
    ref.region,
    ref.actor ?? "unknown",
    async (lease) => {
      const stage = await stageLoggingOf(target, ref.region);
      if (!stage)
        throw new DomainError("not-found", `The stage ${ref.stageName} does not exist (any more).`);
      const current = stage.accessLog?.format ?? "";
      if (current !== ref.expectedFormat)
        throw new DomainError(
          "conflict",
          `The access log of stage ${ref.stageName} changed since this page was loaded. Nothing was changed. Reload to see it before changing it.`,
        );
      const format = withClientCertFields(stage.accessLog?.format);
      await ref.change?.begin({
        domainName: ref.domainName,
        region: ref.region,
        message: `access log of stage ${ref.stageName} of ${kind} ${ref.restApiId}: ${current ? "fields added" : "created"}`,
      });
      let destinationArn = stage.accessLog?.destinationArn;
      let createdGroup: AccessLogChange["createdGroup"];
      if (!destinationArn || !logGroupName(destinationArn)) {
        const group = accessLogGroupFor(ref.restApiId, ref.stageName);
        const made = await lease.write(`Creating the log group ${group}`, () =>
          ensureLogGroup(group, ref.region, retentionDays),
        );
        createdGroup = { name: group, retentionDays: made.retentionDays ?? retentionDays };
        destinationArn = `arn:aws:logs:${ref.region}:${await callerAccount(ref.region)}:log-group:${group}`;
      }
      const arn = destinationArn;
      const { requestId } = await lease.write(
        `Changing the access log of stage ${ref.stageName}`,
        () =>
          (ref.http ? setHttpStageAccessLog : setStageAccessLog)(
            ref.restApiId,
            ref.stageName,
            { destinationArn: arn, format },
            ref.region,
          ),
      );
      forgetClientsSeen(ref.domainName, ref.region);
      return {
        destinationArn: arn,
        format,
        previousFormat: current,
        ...(createdGroup ? { createdGroup } : {}),
        ...(requestId ? { requestId } : {}),
      };
    },
    { action: "changing a stage's access log" },
  );
}
