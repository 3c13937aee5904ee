/**
 * The roles the console assumes in each member account, `mtls-console-viewer`
 * and `mtls-console-operator`, trusting the console's task role with an
 * external id; the viewer role also trusts the scheduled watch's role when
 * WatchRoleArn is given (the operator role never does). Their actions come
 * from IAM_CALLS, as the console account's own roles do. Written as a
 * StackSet-ready template: CloudFormation parameters (and the one condition
 * on WatchRoleArn) only, no assets, no bootstrap version check, nothing of
 * the account it is synthesized in.
 */
import {
  CfnCondition,
  CfnParameter,
  DefaultStackSynthesizer,
  Fn,
  Stack,
  type StackProps,
} from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import type { IamRole } from "../lib/aws/iam";
import { roleDocument } from "./console-policies";

export interface MemberRolesStackProps extends StackProps {
  /** Defaults of the parameters. */
  defaults: {
    viewerRoleName: string;
    operatorRoleName: string;
    /** e.g. arn:aws:iam::111111111111:role/mtls-console-task */
    consoleTaskRoleArn?: string;
  };
}

export class MemberRolesStack extends Stack {
  readonly roles = {} as Record<"viewer" | "operator", iam.Role>;

  constructor(scope: Construct, id: string, props: MemberRolesStackProps) {
    super(scope, id, {
      ...props,
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
      analyticsReporting: false,
      description:
        "mTLS Console member-account roles: viewer and operator, assumed by the console's task role with an external id",
    });
    const consoleTaskRoleArn = new CfnParameter(this, "ConsoleTaskRoleArn", {
      type: "String",
      description:
        "The console's task role (the console stack's TaskRoleArn output), the only principal that may assume these roles.",
      allowedPattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/.+$",
      ...(props.defaults.consoleTaskRoleArn ? { default: props.defaults.consoleTaskRoleArn } : {}),
    });
    const watchRoleArn = new CfnParameter(this, "WatchRoleArn", {
      type: "String",
      default: "",
      description:
        "The console's watch role (the console stack's WatchRoleArn output), which may assume the viewer role only; empty: the watch cannot read this account.",
      allowedPattern: "^(arn:aws[a-z-]*:iam::\\d{12}:role/.+)?$",
    });
    const withWatch = new CfnCondition(this, "WatchRoleGiven", {
      expression: Fn.conditionNot(Fn.conditionEquals(watchRoleArn.valueAsString, "")),
    });
    const externalId = new CfnParameter(this, "ExternalId", {
      type: "String",
      noEcho: true,
      minLength: 2,
      maxLength: 1224,
      description: "The external id the console presents when it assumes these roles.",
    });
    const roleName = (role: IamRole, fallback: string) =>
      new CfnParameter(this, `${role === "viewer" ? "Viewer" : "Operator"}RoleName`, {
        type: "String",
        default: fallback,
        allowedPattern: "^[\\w+=,.@-]{1,64}$",
        description: `The ${role} role's name (the console assumes arn:aws:iam::ACCOUNT:role/NAME).`,
      });
    const names = {
      viewer: roleName("viewer", props.defaults.viewerRoleName),
      operator: roleName("operator", props.defaults.operatorRoleName),
    };

    // The viewer's principals: the task role, and the watch role when one is given.
    const viewerPrincipals = Fn.conditionIf(
      withWatch.logicalId,
      [consoleTaskRoleArn.valueAsString, watchRoleArn.valueAsString],
      consoleTaskRoleArn.valueAsString,
    ).toString();
    for (const role of ["viewer", "operator"] as const) {
      this.roles[role] = new iam.Role(this, role === "viewer" ? "ViewerRole" : "OperatorRole", {
        roleName: names[role].valueAsString,
        assumedBy: new iam.ArnPrincipal(
          role === "viewer" ? viewerPrincipals : consoleTaskRoleArn.valueAsString,
        ),
        externalIds: [externalId.valueAsString],
        description: `mTLS Console ${role} (actions from the console's IAM_CALLS)`,
        inlinePolicies: { [role]: roleDocument(role, { s3: ["*"], sns: ["*"] }) },
      });
    }
  }
}
