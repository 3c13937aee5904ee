import { listDomains } from "@/lib/domains/overview";

export default async function HomePage() {
  const domains = await listDomains();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Custom domain names</h1>
      {domains.length === 0 ? (
        <p className="text-slate-600">No custom domain names in this region.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm">
          <caption className="sr-only">Custom domain names</caption>
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Domain name</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Mutual TLS</th>
              <th scope="col" className="px-3 py-2 font-medium">Truststore</th>
            </tr>
          </thead>
          <tbody>
            {domains.map((d) => (
              <tr key={d.domainName} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{d.domainName}</td>
                <td className="px-3 py-2">{d.status}</td>
                <td className="px-3 py-2">{d.mtls ? "on" : "off"}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">{d.mtls?.truststoreUri ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
