/**
 * A request's body, read whole, up to S3's single-upload size the emulator
 * accepts (16 MiB; more is EntityTooLarge).
 */
import type { IncomingMessage } from "node:http";
import { AwsError } from "./http";

const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(
          new AwsError(
            413,
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed size",
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
