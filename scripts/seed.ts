// npm run db:seed [-- --force]: fills the database with a realistic demo year (2 accounts, 5 symbols,
// 4 magic numbers, partial closes, deposits, a withdrawal and a fee), through the same code the API uses. Refuses to touch a database
// that already holds trades unless --force is given, which deletes every trade and account first.
import "@/scripts/load-env-file";
import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { closeDatabase, sqlite } from "@/lib/db";
import { migrateFromEnv } from "@/scripts/migrate";
import { validate } from "@/lib/http/validate";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { createTradeBody } from "@/lib/schemas/trade";
import { generateDemoBalanceOperations, generateDemoTrades } from "@/lib/seed/demo-trades";
import { storeTrades } from "@/lib/trades/store-trades";

const force = process.argv.includes("--force");

await migrateFromEnv();
const handle = sqlite();
const { count } = handle.prepare("SELECT COUNT(*) AS count FROM trades").get() as { count: number };
if (count > 0 && !force) {
  console.error(`The database already holds ${count} trades: not seeding. Run with --force to replace everything.`);
  await closeDatabase();
  process.exit(1);
}
if (count > 0) {
  handle.transaction(() => {
    handle.prepare("DELETE FROM trades").run();
    handle.prepare("DELETE FROM balance_operations").run();
    handle.prepare("DELETE FROM accounts").run();
    handle.prepare("DELETE FROM trade_segments").run();
    handle.prepare("DELETE FROM segment_groups").run();
  })();
  console.log(`deleted ${count} trades and their accounts`);
}

const demo = generateDemoTrades({ end: new Date() });
const outcomes = storeTrades(demo.map((trade, index) => validate(createTradeBody, trade, `demo trade ${index}`)));
const operations = generateDemoBalanceOperations(demo);
operations.forEach((operation, index) => createBalanceOperation(validate(createBalanceOperationBody, operation, `demo operation ${index}`)));
const created = outcomes.filter((outcome) => outcome.status === "created").length;
console.log(`seeded ${created} trades and ${operations.length} balance operations in 2 accounts`);
await closeDatabase();
