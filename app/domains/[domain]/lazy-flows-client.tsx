"use client";
/**
 * The domain page's parts that show only in some states or after a click,
 * fetched when rendered rather than with the page: resolving a change in
 * doubt, turning mutual TLS on, fixing a stage's access log, replacing the
 * ownership verification certificate, a comparison of two versions, what
 * a switch of version does, what an upload or an activation did, and the
 * warning that infrastructure as code owns the domain (in a confirmation),
 * and the refreshing while a status or a summary is still coming.
 */
import { lazyComponent } from "@/components/lazy-component";

/** While a comparison's code comes (the comparison itself says the same while it is read). */
const comparing = {
  fallback: (
    <p role="status" className="text-sm text-slate-600">
      Comparing…
    </p>
  ),
};

export const ChangeStateActions = lazyComponent(
  () => import("./change-state-client").then((m) => m.ChangeStateActions),
  { controls: true },
);
export const EnableMtls = lazyComponent(
  () => import("./enable-mtls-client").then((m) => m.EnableMtls),
  { controls: true },
);
export const AccessLogFix = lazyComponent(
  () => import("./access-log-fix-client").then((m) => m.AccessLogFix),
  { controls: true },
);
export const ReplaceOwnershipCertificate = lazyComponent(
  () => import("./ownership-certificate-client").then((m) => m.ReplaceOwnershipCertificate),
  { controls: true },
);
export const ComparisonView = lazyComponent(
  () => import("./comparison-view").then((m) => m.ComparisonView),
  comparing,
);
export const UploadOutcome = lazyComponent(() =>
  import("./upload-outcome").then((m) => m.UploadOutcome),
);
export const ActivationOutcome = lazyComponent(() =>
  import("./activation-outcome").then((m) => m.ActivationOutcome),
);
export const SwitchDetails = lazyComponent(
  () => import("./switch-details").then((m) => m.SwitchDetails),
  comparing,
);
export const IacWarning = lazyComponent(() =>
  import("../../../components/iac-warning").then((m) => m.IacWarning),
);
export const AutoRefresh = lazyComponent(() =>
  import("../../../components/auto-refresh-client").then((m) => m.AutoRefresh),
);
