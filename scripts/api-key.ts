// npm run key:create -- --name "VPS" [--scope write|read] [--account ID] [--json]
// npm run key:list [-- --json]
// npm run key:revoke -- ID
// Manages API keys from the command line (a headless VPS has no browser): the same code as the
// settings page. A new key is printed once; only its hash is stored.
import "@/scripts/load-env-file";
import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { closeDatabase } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { apiKeyIdInput, createApiKeyInput } from "@/lib/schemas/api-key";
import { migrateFromEnv } from "@/scripts/migrate";

const usage = `usage:
  npm run key:create -- --name <name> [--scope write|read] [--account <account id>] [--json]
  npm run key:list [-- --json]
  npm run key:revoke -- <key id>`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { name: { type: "string" }, scope: { type: "string" }, account: { type: "string" }, json: { type: "boolean" } },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  fail(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n") + `\n\n${usage}`);
}

await migrateFromEnv();
try {
  switch (command) {
    case "create": {
      const input = parsed(safeValidate(createApiKeyInput, { name: values.name ?? "", scope: values.scope, account_id: values.account ?? null }));
      const { key, record } = createApiKey({ name: input.name, scope: input.scope, accountId: input.account_id });
      if (values.json) console.log(JSON.stringify({ ...record, key }));
      else {
        console.log(`Created API key ${record.id} "${record.name}" (${record.scope}, ${record.accountId === null ? "all accounts" : `account ${record.accountId}`}).`);
        console.log("Copy it now; it is not shown again:\n");
        console.log(`  ${key}\n`);
        console.log("Send it as  Authorization: Bearer <key>  or  X-API-Key: <key>.");
      }
      break;
    }
    case "list": {
      const keys = listApiKeys();
      if (values.json) console.log(JSON.stringify(keys));
      else if (keys.length === 0) console.log("No API keys: the API is open to anyone who can reach the server.");
      else {
        console.table(
          keys.map((key) => ({
            id: key.id,
            name: key.name,
            key: `${key.prefix}…`,
            scope: key.scope,
            account: key.accountId ?? "all",
            created: key.createdAt,
            "last used": key.lastUsedAt ?? "never",
            revoked: key.revokedAt ?? "",
          })),
        );
      }
      break;
    }
    case "revoke": {
      const { id } = parsed(safeValidate(apiKeyIdInput, { id: positionals[0] ?? "" }));
      const record = revokeApiKey(id);
      console.log(`Revoked API key ${record.id} "${record.name}" at ${record.revokedAt}.`);
      break;
    }
    default:
      fail(usage);
  }
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  fail(error.details?.map((detail) => `${detail.field}: ${detail.message}`).join("\n") ?? error.message);
} finally {
  await closeDatabase();
}

