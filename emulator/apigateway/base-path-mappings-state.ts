/**
 * Base path mappings in the emulator's state (one table with v2's API
 * mappings; v1 sees only the REST ones): lookups, AWS's checks before
 * one is added, additions and deletions. The wire side is ./base-path-mappings-wire.ts.
 */
import { mappingKey, stageKey, type BasePathMapping, type AccountState } from "../state";
import { badRequest, conflict, notFound } from "./common";

/** A domain's REST API mappings, by base path. */
export function mappingsOf(state: AccountState, region: string, domain: string): BasePathMapping[] {
  return Object.values(state.mappings)
    .filter((m) => m.region === region && m.domainName === domain && m.apiType !== "HTTP")
    .sort((a, b) => a.basePath.localeCompare(b.basePath));
}

export function findMapping(
  state: AccountState,
  region: string,
  domain: string,
  basePath: string,
): { key: string; mapping: BasePathMapping } {
  const key = mappingKey(region, domain, basePath);
  const mapping = state.mappings[key];
  if (!mapping) throw notFound("Invalid base path mapping identifier specified");
  return { key, mapping };
}

export function refuseTakenBasePath(
  state: AccountState,
  region: string,
  domain: string,
  basePath: string,
): void {
  if (state.mappings[mappingKey(region, domain, basePath)])
    throw conflict("Base path already exists for this domain name");
}

/** As AWS: a mapping's stage must exist. */
export function refuseMissingStage(
  state: AccountState,
  region: string,
  restApiId: string,
  stage: string,
): void {
  if (!state.stages[stageKey(region, restApiId, stage)])
    throw badRequest("Invalid stage identifier specified");
}

export function addMapping(state: AccountState, mapping: BasePathMapping): void {
  state.mappings[mappingKey(mapping.region, mapping.domainName, mapping.basePath)] = mapping;
}

export function deleteMapping(state: AccountState, key: string): void {
  delete state.mappings[key];
}
