import { writeFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { databaseFilePath } from "@/lib/db/database-file";
import { readMigrationList } from "@/lib/db/migrate";
import { closeDatabase } from "@/lib/db";
import { checkHealth } from "@/lib/system/check-health";

describe("checkHealth", () => {
  it("reads the migrated database", async () => {
    expect(await checkHealth()).toMatchObject({
      status: "running",
      database: { status: "ok", migration: readMigrationList().migrationDirectories.at(-1)!.path },
    });
  });

  it("throws 503 unavailable when the file is not a database", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await closeDatabase();
    const file = databaseFilePath(process.env.DATABASE_URL!);
    writeFileSync(file, "this is not a database".repeat(100));
    // The Prisma client reconnects on its next query and finds garbage.
    await expect(checkHealth()).rejects.toMatchObject({ status: 503, code: "unavailable" });
    expect(log).toHaveBeenCalledWith("health check failed:", expect.anything());
  });
});
