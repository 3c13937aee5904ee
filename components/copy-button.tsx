"use client";
/**
 * Copies a text (an ARN, a version id, a DNS target, a snippet) to the
 * clipboard: "Copied" for two seconds, or, when the browser refuses the
 * clipboard (no permission, not a secure context), a hint to select the
 * text by hand. The outcome is announced in a polite live region.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "./ui/button";

const SHOWN_MS = 2000;

export function CopyButton({
  text,
  label = "Copy",
  name,
}: {
  text: string;
  /** The button's text, saying what is copied ("Copy ARN"). */
  label?: string;
  /** Its accessible name when the text alone is not enough (one of many in a table); else the text. */
  name?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error("No clipboard API here");
      await navigator.clipboard.writeText(text);
      setState("copied");
      timer.current = setTimeout(() => setState("idle"), SHOWN_MS);
    } catch {
      // Kept until the next try: the hint is what the user acts on.
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        tone="secondary"
        size="xs"
        onClick={copy}
        // The name stays while the text says "Copied" (the live region announces it).
        aria-label={name ?? label}
        className="whitespace-nowrap"
      >
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs">
        {state === "copied" ? (
          <span className="sr-only">Copied</span>
        ) : state === "failed" ? (
          <span className="text-rose-800">Copy failed: select the text</span>
        ) : null}
      </span>
    </span>
  );
}
