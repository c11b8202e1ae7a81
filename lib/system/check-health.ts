import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { appVersion } from "@/lib/system/app-info";

/** Reads the database for real; throws 503 unavailable when it cannot be read or was never migrated. */
export async function checkHealth() {
  const started = performance.now();
  let latest: { migration_name: string }[];
  try {
    latest = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
       ORDER BY migration_name DESC LIMIT 1`;
    await db.$queryRaw`SELECT id FROM trades LIMIT 1`;
  } catch (error) {
    console.error("health check failed:", error);
    throw new ApiError("unavailable", "The database cannot be read", undefined, { "Retry-After": "5" });
  }
  return {
    status: "running" as const,
    version: appVersion,
    database: {
      status: "ok" as const,
      migration: latest[0]?.migration_name ?? null,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}
