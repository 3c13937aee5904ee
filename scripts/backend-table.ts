/**
 * `npm run backend-table`: writes the README's table of what works on each
 * backend from lib/aws/backend-support.ts (the same facts the dashboard
 * states and the end-to-end suites skip by), between its two markers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { format } from "prettier";
import { backendTable } from "../lib/aws/backend-support";

export const START = "<!-- backend-table:start (npm run backend-table) -->";
export const END = "<!-- backend-table:end -->";

const readme = readFileSync("README.md", "utf8");
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${START} … ${END}`);
const next = `${readme.slice(0, from + START.length)}\n\n${backendTable()}\n\n${readme.slice(to)}`;
writeFileSync("README.md", await format(next, { filepath: "README.md" }));
console.log("README.md: backend table written");
