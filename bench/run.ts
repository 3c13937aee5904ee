/**
 * `npm run bench`: prints every benchmark's table. Figures, not pass/fail.
 */
import "reflect-metadata";
import { benchBigHistory } from "./big-history";
import { benchDashboard } from "./dashboard";
import { benchDataPlane } from "./data-plane";
import { benchEmulator } from "./emulator";
import { benchIndependent } from "./independent";
import { benchRevocation } from "./revocation";
import { benchTruststore } from "./truststore";

const sections: [string, () => Promise<string>][] = [
  ["truststore", benchTruststore],
  ["emulator", benchEmulator],
  ["data-plane", benchDataPlane],
  ["dashboard", benchDashboard],
  ["big-history", benchBigHistory],
  ["independent", benchIndependent],
  ["revocation", benchRevocation],
];
const only = process.argv[2];

for (const [name, bench] of sections) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  console.log(await bench());
}
