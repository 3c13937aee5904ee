/**
 * The handlers' context of each account: the default account's is the
 * emulator's own, whose state is the top-level state; another account's
 * state lives in `accounts` of the state, made empty on its first use.
 * One context per account, kept: a function's warm workers belong to the
 * context that ran it.
 */
import { AwsError, type Context } from "./http";
import { ACCOUNT_ID, emptyAccountState, type AccountState, type EmulatorState } from "./state";

/** An account's resources (made empty when the account has none yet). */
export function accountState(root: EmulatorState, account: string): AccountState {
  if (account === ACCOUNT_ID) return root;
  return (root.accounts[account] ??= emptyAccountState());
}

export interface AccountContexts {
  /** The context of requests for `account`. */
  of(account: string): Context;
  /** Every context made so far, the default account's first. */
  all(): Context[];
}

/** Accounts a local emulator serves besides the default one: any key names one, so they are bounded. */
export const MAX_ACCOUNTS = 100;

export function accountContexts(main: Context): AccountContexts {
  const others = new Map<string, Context>();
  return {
    of(account) {
      if (account === main.account) return main;
      let found = others.get(account);
      if (!found) {
        const known = Object.keys(main.root.accounts).length;
        if (!(account in main.root.accounts) && Math.max(known, others.size) >= MAX_ACCOUNTS)
          throw new AwsError(
            403,
            "AccessDenied",
            `The emulator serves at most ${MAX_ACCOUNTS} accounts besides the default one.`,
          );
        found = {
          account,
          get state() {
            return accountState(main.root, account);
          },
          get root() {
            return main.root;
          },
          get endpoint() {
            return main.endpoint;
          },
          config: main.config,
          now: () => main.now(),
        };
        others.set(account, found);
      }
      return found;
    },
    all: () => [main, ...others.values()],
  };
}
