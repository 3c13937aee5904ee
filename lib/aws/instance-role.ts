import "server-only";
/**
 * Whether the SDK's standard chain would find credentials on this host's
 * instance metadata (an EC2 instance role): on such a host, with nothing
 * else configured, the console runs against AWS, not the demo. ECS task
 * roles announce themselves in the environment (config.ts counts them).
 * One quick try (IMDSv2, its token first), so a laptop starts the demo
 * after at most about a second.
 */
import { fromInstanceMetadata } from "@smithy/credential-provider-imds";

export async function instanceRoleAvailable(
  env: Record<string, string | undefined> = process.env,
  timeoutMs = 500,
): Promise<boolean> {
  if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === "true") return false;
  try {
    const credentials = await fromInstanceMetadata({ timeout: timeoutMs, maxRetries: 0 })();
    return !!credentials.accessKeyId;
  } catch {
    return false;
  }
}
