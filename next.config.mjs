/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm start` and the image run the standalone server (.next/standalone/server.js):
  // only the files the server needs, no dev dependencies.
  output: "standalone",
  // The dev server serves its scripts (and hot reload) to these hosts too:
  // without them, `npm run dev` opened at 127.0.0.1 never hydrates.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Certificate generation in the embedded emulator uses decorators and
  // Reflect metadata: load these from node_modules rather than bundling them.
  serverExternalPackages: [
    "@peculiar/x509",
    "tsyringe",
    "reflect-metadata",
    // The AWS SDK from node_modules, every client alike: Next.js keeps the S3
    // client external by default, so bundling the others loaded a second copy
    // of the SDK's core (its code twice in memory, twice compiled).
    "@aws-sdk/client-account",
    "@aws-sdk/client-acm",
    "@aws-sdk/client-api-gateway",
    "@aws-sdk/client-apigatewayv2",
    "@aws-sdk/client-cloudwatch-logs",
    "@aws-sdk/client-sns",
    "@aws-sdk/client-sts",
    "@aws-sdk/credential-providers",
    "@smithy/credential-provider-imds",
    "@smithy/property-provider",
  ],
  experimental: {
    // A truststore may be 1,000,000 bytes (API Gateway's quota); its upload
    // travels as a server action argument.
    // Server actions are accepted from the app's own origin only, plus the
    // origins in ALLOWED_ORIGINS (comma-separated hosts, e.g. behind a proxy
    // that rewrites the Host header).
    serverActions: {
      bodySizeLimit: "2mb",
      allowedOrigins: (process.env.ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
  },
};

export default nextConfig;
