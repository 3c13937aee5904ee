/**
 * The dashboard's one button: a tone (primary, danger, secondary, warning),
 * a size, and the same focus ring and disabled look everywhere.
 */
import type { ButtonHTMLAttributes } from "react";

const TONES = {
  primary: "bg-sky-700 font-medium text-white hover:bg-sky-800",
  danger: "bg-rose-700 font-medium text-white hover:bg-rose-800",
  "danger-outline": "border border-rose-300 bg-white text-rose-800 hover:bg-rose-50",
  warning: "border border-amber-400 bg-white text-amber-900 hover:bg-amber-50",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
} as const;

const SIZES = {
  xs: "px-2 py-1 text-xs",
  sm: "px-3 py-1.5 text-sm",
  md: "px-4 py-2 text-sm",
} as const;

export type ButtonTone = keyof typeof TONES;

export function Button({
  tone = "secondary",
  size = "sm",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: keyof typeof SIZES }) {
  return (
    <button
      type={type}
      className={`rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 ${TONES[tone]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
