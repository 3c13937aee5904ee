/**
 * The dashboard's one button: a tone (primary, danger, secondary, warning),
 * a size, and the same focus ring and disabled look everywhere.
 */
import type { ButtonHTMLAttributes } from "react";

/** The tones and sizes, each a class of app/globals.css (`btn-TONE`, `btn-SIZE`). */
export type ButtonTone = "primary" | "danger" | "danger-outline" | "warning" | "secondary";
type ButtonSize = "xs" | "sm" | "md";

export function Button({
  tone = "secondary",
  size = "sm",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: ButtonSize }) {
  return (
    <button
      type={type}
      className={`btn btn-${tone} btn-${size}${className ? ` ${className}` : ""}`}
      {...props}
    />
  );
}
