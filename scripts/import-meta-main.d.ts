/**
 * `import.meta.main` (Node.js 24.2 and later): true in the module the
 * process started with. Each CLI runs itself only then, so a program that
 * imports several of them runs only the one it calls. @types/node 20 does
 * not declare it yet.
 */
interface ImportMeta {
  main: boolean;
}
