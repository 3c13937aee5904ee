/** `npm run iam-page`: writes docs/iam.md from lib/aws/iam.ts. */
import { writeFileSync } from "node:fs";
import { format } from "prettier";
import { iamPage } from "../lib/aws/iam-page";

writeFileSync("docs/iam.md", await format(iamPage(), { filepath: "docs/iam.md" }));
console.log("docs/iam.md written");
