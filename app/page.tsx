export default function HomePage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Custom domain names</h1>
      <p className="max-w-2xl text-slate-600">
        mTLS Console shows the custom domain names of your API Gateway REST APIs that use mutual TLS, decodes
        every certificate of their truststores and checks them with API Gateway&apos;s own rules before anything
        is uploaded.
      </p>
      <p className="max-w-2xl text-slate-600">
        Until the domain list is connected, check a truststore from a terminal:{" "}
        <code className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-sm">
          npm run --silent truststore -- check truststore.pem
        </code>
      </p>
    </section>
  );
}
