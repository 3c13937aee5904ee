/**
 * `import.meta.main` (Node.js 24.2 and later): true in the module the
 * process started with. Each CLI runs itself only then; the bundled
 * `mtls-console` imports them all and is built with it defined false
 * (cli/cli-bundle.ts). @types/node 20 does not declare it yet.
 */
interface ImportMeta {
  main: boolean;
}
