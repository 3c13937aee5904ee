/**
 * `npm run --silent hash-password -- 'the password'` prints an argon2id hash
 * for AUTH_USERS_FILE (or reads the password from standard input).
 */
import { hash } from "@node-rs/argon2";

async function main() {
  let password = process.argv[2];
  if (!password) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    password = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  if (!password || password.length < 12) {
    console.error(
      "Give a password of at least 12 characters (as the argument, or on standard input).",
    );
    process.exit(2);
  }
  console.log(await hash(password));
}
void main();
