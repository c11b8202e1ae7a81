// npm run db:generate (also run after npm install): writes the Prisma client to lib/generated/prisma.
// `prisma generate` does not use the schema engine, but the CLI tries to download it first; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download (it works offline).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
