/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Certificate generation in the embedded emulator uses decorators and
  // Reflect metadata: load these from node_modules rather than bundling them.
  serverExternalPackages: ["@peculiar/x509", "tsyringe", "reflect-metadata"],
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
