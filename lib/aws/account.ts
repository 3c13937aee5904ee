import "server-only";
/**
 * The account the dashboard's credentials act in, per region (STS
 * GetCallerIdentity, kept for the process): where the log groups it creates
 * for a stage live.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { getClients } from "./config";
import { AwsFailure, awsCall } from "./errors";

const accounts = new Map<string, Promise<string>>();

export function callerAccount(region: string): Promise<string> {
  let found = accounts.get(region);
  if (!found) {
    found = (async () => {
      const { sts } = await getClients(region);
      const { Account } = await awsCall("find this account's id", () =>
        sts.send(new GetCallerIdentityCommand({})),
      );
      if (!Account) throw new AwsFailure("Could not find this account's id.", "NoAccount");
      return Account;
    })();
    found.catch(() => accounts.delete(region));
    accounts.set(region, found);
  }
  return found;
}
