/**
 * The CDK app: the console's stack and the member-account roles, from CDK
 * context (infra/settings.ts; CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION
 * when no account or region is given). Run by the CDK CLI through
 * infra/cdk.json, and by `npm run infra:synth` (infra/synth.ts).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { App, type AppProps } from "aws-cdk-lib";
import { ConsoleStack } from "./console-stack";
import { MemberRolesStack } from "./member-roles-stack";
import { settingsFrom, type ConsoleSettings } from "./settings";

export const CONSOLE_STACK = "MtlsConsole";
export const MEMBER_ROLES_STACK = "MtlsConsoleMemberRoles";

export interface ConsoleApp {
  app: App;
  settings: ConsoleSettings;
  consoleStack: ConsoleStack;
  memberRolesStack: MemberRolesStack;
}

export function consoleApp(props: AppProps = {}): ConsoleApp {
  const app = new App(props);
  const settings = settingsFrom((key) => app.node.tryGetContext(key));
  const env =
    settings.account || settings.region
      ? { account: settings.account, region: settings.region }
      : undefined;
  const consoleStack = new ConsoleStack(app, CONSOLE_STACK, {
    env,
    settings,
    description:
      "mTLS Console: the dashboard on ECS Fargate behind HTTPS, its store, roles and the scheduled watch",
  });
  const memberRolesStack = new MemberRolesStack(app, MEMBER_ROLES_STACK, {
    defaults: {
      viewerRoleName: settings.memberViewerRoleName,
      operatorRoleName: settings.memberOperatorRoleName,
      ...(settings.account
        ? {
            consoleTaskRoleArn: `arn:aws:iam::${settings.account}:role/${settings.taskRoleName}`,
          }
        : {}),
    },
  });
  return { app, settings, consoleStack, memberRolesStack };
}

// Run by the CDK CLI (`npx aws-cdk synth|deploy` in infra/): synthesize to where it asks.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  consoleApp().app.synth();
