/**
 * The fleet the deployment manages (MTLS_CONSOLE_ACCOUNTS, inline JSON, as
 * lib/aws/accounts.ts reads it): the console's own account through this
 * stack's viewer and operator roles, and each member account through the
 * roles the member-roles stack creates there, all with the one external
 * id. The dashboard and the scheduled watch are given the same JSON, and
 * the roles that may assume these roles are scoped to exactly them.
 */
import type { ConsoleSettings } from "./settings";

export interface FleetAccount {
  id: string;
  label: string;
  viewerRoleArn: string;
  operatorRoleArn: string;
  externalId: string;
  regions: string[];
}

export interface FleetInputs {
  settings: ConsoleSettings;
  /** The stack's account and region. */
  account: string;
  region: string;
  /** This stack's roles (CDK tokens until deployment). */
  viewerRoleArn: string;
  operatorRoleArn: string;
}

/** A member account's role, by the name the member-roles stack gives it. */
export const memberRoleArn = (account: string, name: string) =>
  `arn:aws:iam::${account}:role/${name}`;

export function fleetAccounts(inputs: FleetInputs): FleetAccount[] {
  const { settings } = inputs;
  return [
    {
      id: inputs.account,
      label: settings.consoleAccountLabel,
      viewerRoleArn: inputs.viewerRoleArn,
      operatorRoleArn: inputs.operatorRoleArn,
      externalId: settings.externalId,
      regions: settings.regions.length ? settings.regions : [inputs.region],
    },
    ...settings.memberAccounts.map((a) => ({
      id: a.id,
      label: a.label,
      viewerRoleArn: memberRoleArn(a.id, settings.memberViewerRoleName),
      operatorRoleArn: memberRoleArn(a.id, settings.memberOperatorRoleName),
      externalId: settings.externalId,
      regions: a.regions,
    })),
  ];
}

/**
 * MTLS_CONSOLE_ACCOUNTS. `toJson` is the stack's toJsonString when the
 * roles' ARNs are tokens: JSON that CloudFormation completes.
 */
export function fleetJson(
  accounts: FleetAccount[],
  toJson: (value: unknown) => string = JSON.stringify,
): string {
  return toJson({ accounts });
}
