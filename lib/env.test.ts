import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("has a default for everything", () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: "file:./data/journal.db",
      PORT: 3000,
      HOST: "127.0.0.1",
      SQLITE_SYNCHRONOUS: "NORMAL",
      SQLITE_BUSY_TIMEOUT_MS: 5000,
      SQLITE_CACHE_MB: 64,
      LEGACY_POSITION_TYPE: "exit_deal",
      JOURNAL_PASSWORD: undefined,
      TRUST_PROXY: false,
      OPEN_INGEST_FROM: [],
      IMPORT_MAX_BYTES: 2 * 1024 ** 3,
      RATE_LIMIT_PER_SECOND: 5000,
    });
  });

  it("reads the access settings, and never echoes a password it refuses", () => {
    const parsed = parseEnv({ JOURNAL_PASSWORD: "long enough secret", TRUST_PROXY: "true", OPEN_INGEST_FROM: "127.0.0.1, 10.0.0.0/8" });
    expect(parsed).toMatchObject({ JOURNAL_PASSWORD: "long enough secret", TRUST_PROXY: true });
    expect(parsed.OPEN_INGEST_FROM).toHaveLength(2);
    expect(() => parseEnv({ JOURNAL_PASSWORD: "short-pw" })).toThrow(/JOURNAL_PASSWORD: must be at least 10 characters/);
    expect(() => parseEnv({ JOURNAL_PASSWORD: "short-pw" })).not.toThrow(/short-pw/);
    expect(() => parseEnv({ OPEN_INGEST_FROM: "10.0.0.0/99" })).toThrow(/OPEN_INGEST_FROM: "10.0.0.0\/99" has a bad prefix length/);
    expect(() => parseEnv({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY/);
  });

  it("treats empty values as unset and reads numbers", () => {
    expect(parseEnv({ PORT: "8080", DATABASE_URL: "", SQLITE_SYNCHRONOUS: "full" })).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "file:./data/journal.db",
      SQLITE_SYNCHRONOUS: "FULL",
    });
  });

  it("names every bad variable in one message", () => {
    const parse = () => parseEnv({ PORT: "http", DATABASE_URL: "postgres://x", LEGACY_POSITION_TYPE: "maybe" });
    expect(parse).toThrow(/^Invalid configuration in the environment:/);
    expect(parse).toThrow(/\n  DATABASE_URL: must be a SQLite file URL/);
    expect(parse).toThrow(/\n  PORT: /);
    expect(parse).toThrow(/\n  LEGACY_POSITION_TYPE: /);
  });
});
