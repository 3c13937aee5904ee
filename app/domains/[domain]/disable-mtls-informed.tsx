import { DisableMtls } from "@/components/disable-mtls-client";
import { seenSummary } from "@/lib/domains/clients-seen-view";

type Props = Omit<Parameters<typeof DisableMtls>[0], "seen">;

/** The disable button once the clients seen are read (shown without them until then). */
export async function DisableMtlsInformed(props: Props) {
  return <DisableMtls {...props} seen={await seenSummary(props.domainName, props.region)} />;
}
