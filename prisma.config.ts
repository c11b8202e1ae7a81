import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` (see scripts/generate.ts); migrations run through
// lib/db/migrate.ts, so the datasource URL here is only a fallback for other CLI commands.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/journal.db" },
});
