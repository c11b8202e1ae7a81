// A second process writing trades through the real writer, for tests of what other processes see:
//   tsx lib/test/trade-writer.ts --first <ticket> [--fill <n>] [--count <n>] [--crash]
// Stores --fill trades in batches of 1,000, prints "ready <stored>", then stores batches of 20 until
// killed, or --count more trades; with --crash it then dies by SIGKILL, leaving its -wal behind.
import { parseArgs } from "node:util";
import { closeDatabase } from "@/lib/db";
import { storeTrades } from "@/lib/trades/store-trades";
import { testTrade } from "@/lib/test/test-trade";

const { values } = parseArgs({
  options: {
    first: { type: "string", default: "1" },
    fill: { type: "string", default: "0" },
    count: { type: "string" },
    crash: { type: "boolean", default: false },
  },
});
let ticket = Number(values.first);
const batchOf = (size: number) => Array.from({ length: size }, () => testTrade(ticket++));

let stored = 0;
for (let left = Number(values.fill); left > 0; left -= 1000) stored += storeTrades(batchOf(Math.min(left, 1000))).length;
console.log(`ready ${stored}`);

const limit = values.count === undefined ? Infinity : stored + Number(values.count);
while (stored < limit) {
  stored += storeTrades(batchOf(Math.min(20, limit - stored))).length;
  // Let the event loop turn, so the parent's signals and pipes are served between commits.
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(`done ${stored}`);
if (values.crash) process.kill(process.pid, "SIGKILL");
await closeDatabase();
