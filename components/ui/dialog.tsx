"use client";
/**
 * A modal confirmation (native <dialog>: focus trapped, Escape closes), with
 * Cancel and the confirming button; Enter in a text field (a typed
 * confirmation) confirms when the button may.
 */
import { useEffect, useRef } from "react";
import { Button } from "./button";

/** A modal confirmation (native <dialog>: focus trapped, Escape closes). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmDisabled,
  pending,
  tone = "primary",
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  confirmDisabled?: boolean;
  pending?: boolean;
  tone?: "primary" | "danger";
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Also once a pending change ends: a dialog the browser closed meanwhile
  // (a forced close request) shows again with how it ended.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open, pending]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      // Escape does not close it while the change is under way: its outcome is shown here.
      onCancel={(e) => pending && e.preventDefault()}
      onKeyDown={(e) => {
        // Enter in a text field (a typed confirmation) confirms, as a form would, when it may.
        const field = e.target as HTMLElement;
        if (e.key !== "Enter" || field.tagName !== "INPUT" || confirmDisabled || pending) return;
        if ((field as HTMLInputElement).type !== "text") return;
        e.preventDefault();
        onConfirm();
      }}
      aria-labelledby="confirm-title"
      className="m-auto w-full max-w-2xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="confirm-title" className="text-lg font-semibold">
          {title}
        </h2>
        <div className="max-h-[60vh] space-y-3 overflow-y-auto">{children}</div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button tone={tone} onClick={onConfirm} disabled={confirmDisabled || pending}>
            {pending ? "Working…" : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
