/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Certificate generation in the embedded emulator uses decorators and
  // Reflect metadata: load these from node_modules rather than bundling them.
  serverExternalPackages: ["@peculiar/x509", "tsyringe", "reflect-metadata"],
};

export default nextConfig;
