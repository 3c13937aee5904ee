/**
 * After `next build`: the standalone server serves the static files and
 * public/ from beside itself, which Next.js leaves to the deployer to copy.
 */
import { cpSync, existsSync } from "node:fs";

const out = ".next/standalone";
if (!existsSync(out))
  throw new Error(`${out} is missing: next.config.mjs must say output: "standalone"`);
cpSync(".next/static", `${out}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${out}/public`, { recursive: true });
