import { CopyButton } from "@/components/copy-button";
import { TableHead } from "@/components/ui/table-head";
import type { MtlsDomain } from "@/lib/model/domain";
import { managedBy, managedByLabel, managedByTerms, type ManagedBy } from "@/lib/model/iac";
import { snippets, type Snippet, type SnippetInput } from "@/lib/model/iac-snippets";
import { Section } from "./section";

/** The domain's tags, by key. */
function TagsTable({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length)
    return (
      <p className="text-sm text-slate-600" data-testid="iac-no-tags">
        No tags.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="iac-tags">
        <caption className="sr-only">The domain&apos;s tags</caption>
        <TableHead columns={["Key", "Value"]} />
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key} className="border-t border-slate-100">
              <td className="px-3 py-1.5 font-mono text-xs break-all">{key}</td>
              <td className="px-3 py-1.5 font-mono text-xs break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The snippets a reader of this page needs: the managing tool's first, the CLI last. */
function relevant(list: Snippet[], managed: ManagedBy | null): Snippet[] {
  const tools: Snippet["tool"][] =
    managed?.tool === "terraform"
      ? ["terraform", "aws-cli"]
      : managed?.tool === "cloudformation"
        ? managed.cdkPath
          ? ["cdk", "cloudformation", "aws-cli"]
          : ["cloudformation", "cdk", "aws-cli"]
        : ["cloudformation", "cdk", "terraform", "aws-cli"];
  return tools.flatMap((tool) => list.filter((s) => s.tool === tool));
}

function SnippetBlock({ snippet, open }: { snippet: Snippet; open: boolean }) {
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white"
      open={open}
      data-testid={`iac-snippet-${snippet.tool}-${snippet.api}`}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{snippet.title}</summary>
      <div className="space-y-2 border-t border-slate-100 p-3">
        <CopyButton text={snippet.text} label="Copy snippet" name={`Copy ${snippet.title}`} />
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
          {snippet.text}
        </pre>
      </div>
    </details>
  );
}

/** What the domain is to have, for the snippets; null when the page cannot say it. */
function stateOf(domain: MtlsDomain): SnippetInput["mtls"] | undefined {
  if (domain.mtlsState === "on" && domain.mtls)
    return {
      truststoreUri: domain.mtls.truststoreUri,
      ...(domain.mtls.truststoreVersion
        ? { truststoreVersion: domain.mtls.truststoreVersion }
        : {}),
    };
  if (domain.mtlsState === "off") return null;
  return undefined;
}

/** In words, what the snippets keep: "truststore s3://… at version V". */
function stateWords(mtls: SnippetInput["mtls"]): string {
  if (!mtls) return "mutual TLS off";
  return `the truststore ${mtls.truststoreUri} ${
    mtls.truststoreVersion ? `at version ${mtls.truststoreVersion}` : "with no version pinned"
  }`;
}

/**
 * Infrastructure as code: the domain's tags, who manages the domain when
 * they say so (lib/model/iac.ts), and what its template or configuration
 * must say to keep what the console shows (lib/model/iac-snippets.ts).
 */
export function IacSection({ domain }: { domain: MtlsDomain }) {
  const managed = managedBy(domain.tags);
  const mtls = stateOf(domain);
  const shown =
    mtls === undefined
      ? []
      : relevant(snippets({ domainName: domain.domainName, mtls, managed }), managed);
  const terms = managed ? managedByTerms(managed) : null;

  return (
    <Section title="Infrastructure as code" id="iac">
      <div className="space-y-4">
        {managed && terms ? (
          <div
            role="note"
            className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-sm text-amber-900"
            data-testid="iac-managed"
          >
            <p className="font-medium">
              Managed by {managedByLabel(managed)}: a change made here {terms.reverted} by{" "}
              {terms.deployment} unless {terms.source} says the same — change {terms.source} too
              {mtls === undefined ? "." : ":"}
            </p>
            {managed.tool === "cloudformation" && (
              <p className="mt-1">
                CloudFormation compares templates, not the domain: a change made here leaves the
                stack drifted, and a deployment that updates the domain&apos;s mutual TLS (or
                replaces the domain) puts the template&apos;s values back.
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="iac-unmanaged">
            No tag names a tool that manages this domain. CloudFormation (and so the CDK) tags what
            it deploys; for Terraform, tag the domain{" "}
            <code>managed-by = &quot;terraform&quot;</code> (see the README, &ldquo;Infrastructure
            as code&rdquo;).
          </p>
        )}
        {mtls === undefined ? (
          <p className="text-sm text-slate-600" data-testid="iac-no-snippets">
            {domain.mtlsState === "unavailable"
              ? `Mutual TLS is not available on this ${domain.endpointType} domain name: there is no truststore to keep in step.`
              : "This backend does not report mutual TLS, so what a template must say about it cannot be shown here."}
          </p>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-700">
              What a template or configuration that declares this domain must say to keep what the
              console shows ({stateWords(mtls)}):
            </p>
            {shown.map((snippet, i) => (
              <SnippetBlock
                key={`${snippet.tool}-${snippet.api}`}
                snippet={snippet}
                open={!!managed && i === 0}
              />
            ))}
            <p className="text-xs text-slate-600">
              A custom domain name is one resource, whichever API Gateway API made it, and nothing
              in it tells whether a template declares it with the REST resources
              (AWS::ApiGateway::DomainName, aws_api_gateway_domain_name) or the HTTP API ones
              (AWS::ApiGatewayV2::DomainName, aws_apigatewayv2_domain_name): both are shown, use the
              one your template has. The AWS CLI command is the console&apos;s own change: API
              Gateway&apos;s UpdateDomainName, which changes the domain whichever API made it.
            </p>
          </div>
        )}
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Tags</h3>
          <TagsTable tags={domain.tags} />
        </div>
      </div>
    </Section>
  );
}
