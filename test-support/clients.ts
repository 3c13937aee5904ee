/**
 * The project's own SDK clients (lib/aws/clients.ts) pointed at a local
 * endpoint (the emulator, moto_server or LocalStack) with test credentials:
 * the one client factory of every test.
 */
import { createClients, type AwsClients } from "../lib/aws/clients";

export type { AwsClients };

/** createClients' options (attempts, deadlines, timeouts). */
export type ClientOptions = NonNullable<Parameters<typeof createClients>[2]>;

export function endpointClients(
  endpoint: string,
  region = "us-east-1",
  options: ClientOptions = {},
): AwsClients {
  return createClients(
    {
      kind: "endpoint",
      endpoint,
      serviceEndpoints: {},
      defaultRegion: region,
      staticCredentials: { accessKeyId: "test", secretAccessKey: "test" },
    },
    region,
    options,
  );
}
