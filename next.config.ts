import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // gzip of small JSON answers costs more CPU than it saves on loopback or a LAN; a reverse proxy
  // in front (Caddy, nginx) compresses for remote browsers instead.
  compress: false,
};

export default nextConfig;
