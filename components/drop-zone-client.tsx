"use client";
import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A drop target for one file. `data-ready` turns true once React handles
 * drops (tests wait for it).
 */
export function DropZone({
  testId,
  onFile,
  className,
  children,
}: {
  testId: string;
  onFile: (file: File) => void;
  className: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      data-testid={testId}
      data-ready={hydrated}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      className={`${className} ${dragging ? "border-sky-500 bg-sky-50" : "border-slate-300 bg-white"}`}
    >
      {children}
    </div>
  );
}
