import "server-only";
/**
 * API Gateway stages: their access log settings, read and changed.
 */
import {
  GetStageCommand,
  UpdateStageCommand,
  type PatchOperation,
} from "@aws-sdk/client-api-gateway";
import { getClients } from "./config";
import { awsCall, awsReadOrNull } from "./errors";

export interface StageLogging {
  restApiId: string;
  stageName: string;
  /** Absent when the stage has no access log. */
  accessLog?: { destinationArn: string; format: string };
}

export async function getStageLogging(
  restApiId: string,
  stageName: string,
  region: string,
): Promise<StageLogging | null> {
  const { apiGateway } = await getClients(region);
  const stage = await awsReadOrNull("read the stage", "NotFoundException", () =>
    apiGateway.send(new GetStageCommand({ restApiId, stageName })),
  );
  if (!stage) return null;
  const s = stage.accessLogSettings;
  return stageLogging(restApiId, stageName, s?.destinationArn, s?.format);
}

/** A stage's logging from its access log settings, as v1 and v2 report them. */
export function stageLogging(
  apiId: string,
  stageName: string,
  destinationArn: string | undefined,
  format: string | undefined,
): StageLogging {
  return {
    restApiId: apiId,
    stageName,
    ...(destinationArn && format ? { accessLog: { destinationArn, format } } : {}),
  };
}

/** Sets the stage's access log destination and format. */
export async function setStageAccessLog(
  restApiId: string,
  stageName: string,
  accessLog: { destinationArn: string; format: string },
  region: string,
): Promise<{ requestId?: string }> {
  const { apiGateway } = await getClients(region);
  const patchOperations: PatchOperation[] = [
    { op: "replace", path: "/accessLogSettings/destinationArn", value: accessLog.destinationArn },
    { op: "replace", path: "/accessLogSettings/format", value: accessLog.format },
  ];
  const res = await awsCall("change the stage's access log", () =>
    apiGateway.send(new UpdateStageCommand({ restApiId, stageName, patchOperations })),
  );
  return { requestId: res.$metadata.requestId };
}
