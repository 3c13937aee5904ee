/**
 * What an upload did: activated (and whether it was recorded), uploaded but
 * not activated (with a retry that carries the version that stayed active),
 * refused for an unversioned bucket (with the fix), or refused.
 */
import { ActivationOutcome, type ActivationData } from "./activation-outcome";
import { Notice } from "../../../components/notice";
import { Button } from "../../../components/ui/button";

export type Outcome =
  | { kind: "activated"; versionId: string; data: ActivationData; warning?: string }
  | { kind: "uploaded-not-activated"; versionId: string; message: string; previousVersion: string }
  | { kind: "unversioned"; message: string }
  | { kind: "error"; message: string };

export function UploadOutcome({
  outcome,
  pending,
  onRetry,
  onEnableVersioning,
}: {
  outcome: Outcome;
  pending: boolean;
  onRetry: (versionId: string, previousVersion: string) => void;
  onEnableVersioning: () => void;
}) {
  switch (outcome.kind) {
    case "activated":
      return (
        <>
          <ActivationOutcome data={outcome.data} versionId={outcome.versionId} />
          {outcome.warning && <Notice tone="error">{outcome.warning}</Notice>}
        </>
      );
    case "uploaded-not-activated":
      return (
        <Notice tone="error">
          <p>
            The file <strong>was uploaded</strong> as version{" "}
            <code className="font-mono">{outcome.versionId}</code>, but{" "}
            <strong>activating it failed</strong>: {outcome.message}
          </p>
          <p className="mt-1">
            The domain still uses its previous truststore version. Nothing else changed.
          </p>
          <Button
            tone="danger"
            className="mt-2"
            disabled={pending}
            onClick={() => onRetry(outcome.versionId, outcome.previousVersion)}
          >
            {pending ? "Activating…" : `Activate version ${outcome.versionId.slice(0, 12)}…`}
          </Button>
        </Notice>
      );
    case "unversioned":
      return (
        <Notice tone="error">
          <p>{outcome.message}</p>
          <Button tone="danger" className="mt-2" disabled={pending} onClick={onEnableVersioning}>
            Enable versioning on the bucket
          </Button>
        </Notice>
      );
    case "error":
      return <Notice tone="error">{outcome.message}</Notice>;
  }
}
