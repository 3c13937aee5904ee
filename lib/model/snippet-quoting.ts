/**
 * Values written into copyable text, quoted for where they land: a POSIX
 * shell, the AWS CLI's shorthand syntax, HCL (Terraform), YAML
 * (CloudFormation) and TypeScript. Pure; no value is ever pasted raw into
 * code. Checked by real tools in iac-snippets-tools.test.ts: bash and the
 * AWS CLI, terraform fmt and terraform console, the CDK's synthesis.
 */

/** A shell word in single quotes: nothing inside is special; a `'` closes, is escaped, reopens. */
export const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** Characters no POSIX shell treats specially in the middle of a word. */
const SHELL_PLAIN = /^[A-Za-z0-9._\-/:+@=,%]+$/;

/** The value as one shell word: as is when nothing in it is special to a shell, else single-quoted. */
export const shellWord = (value: string) => (SHELL_PLAIN.test(value) ? value : shellQuote(value));

/**
 * Whether the AWS CLI's shorthand syntax (`Key=value,Key=value`) reads the
 * value as it is: commas split values, quotes and brackets start structure,
 * `=` starts a key. Other values go as JSON, which the CLI reads verbatim.
 */
export const shorthandPlain = (value: string) => /^[A-Za-z0-9._\-/:+@]*$/.test(value);

/** Control characters, by code: what no quoted string below may hold raw. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * An HCL quoted string (Terraform): `\` and `"` escaped, control characters
 * as escapes, and the template sequences `${` and `%{` doubled (`$${`,
 * `%%{`) so nothing in the value is interpolated.
 */
export function hclString(value: string): string {
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r")
    .replaceAll("\t", "\\t")
    .replace(CONTROL, unicodeEscape)
    // A function: in a replacement string "$$" would mean one "$".
    .replaceAll("${", () => "$${")
    .replaceAll("%{", () => "%%{");
  return `"${escaped}"`;
}

/**
 * A YAML double-quoted scalar (CloudFormation templates): JSON's escapes
 * are YAML's, and the characters YAML reads as line breaks (U+0085,
 * U+2028, U+2029) are escaped too.
 */
export const yamlString = (value: string) =>
  JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, unicodeEscape);

/** A TypeScript string literal (JSON's is one). */
export const tsString = (value: string) =>
  JSON.stringify(value).replace(/[\u2028\u2029]/g, unicodeEscape);

/** An HCL identifier from a domain name (a resource's second label): "api.example.com" → "api_example_com". */
export function hclIdentifier(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9_]+/g, "_");
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}
