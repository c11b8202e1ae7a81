import { existsSync } from "node:fs";

// Next.js reads .env itself, but the scripts (migrate, seed, start) run before it does. Variables
// already set in the environment win over the file, as in Next.js.
for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}
