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
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
