/**
 * `npm run infra:synth [-- key=value ...]`: the CDK app synthesized into
 * infra/cdk.out without the CDK CLI (no AWS call, no Docker), and the
 * template paths printed; the member roles' template is the one to give a
 * StackSet. Arguments are context, as `-c key=value` would be.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { consoleApp, MEMBER_ROLES_STACK } from "./app";

const outdir = fileURLToPath(new URL("./cdk.out", import.meta.url));
const context: Record<string, string> = {};
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf("=");
  if (at <= 0) {
    process.stderr.write(`Usage: npm run infra:synth -- [key=value]...  (not "${arg}")\n`);
    process.exit(2);
  }
  context[arg.slice(0, at)] = arg.slice(at + 1);
}

const { app, settings } = consoleApp({ outdir, context });
const assembly = app.synth();
for (const stack of assembly.stacks) {
  const template = path.relative(process.cwd(), path.join(assembly.directory, stack.templateFile));
  const note = stack.stackName === MEMBER_ROLES_STACK ? "  (StackSet template)" : "";
  console.log(`${stack.stackName}: ${template}${note}`);
  for (const message of stack.messages.filter((m) => m.level !== "info"))
    console.log(`  ${message.level}: ${message.entry.data}`);
}
if (settings.placeholders.length)
  console.log(`Placeholders in use (set them to deploy): ${settings.placeholders.join(", ")}`);
