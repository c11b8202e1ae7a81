import { beforeEach, expect, it } from "vitest";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { importKeyBase } from "@/lib/import/csv-trades";
import { setImportMapping } from "@/lib/import/set-import-mapping";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { setImportMappingBody } from "@/lib/schemas/import";
import { importBytes, waitForImport } from "@/lib/test/import-fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { listTrades } from "@/lib/trades/list-trades";

// A CSV file from another tool: semicolons, decimal commas, day-first times, no tickets. It waits
// for a column mapping, then imports with derived keys that a second import recognises.

const header = "Symbol;Type;Volume;Open Time;Open Price;Close Time;Close Price;Commission;Swap;Profit;Comment";
const rows = [
  "EURUSD;Buy;0,10;02.05.2024 09:00:00;1,07250;02.05.2024 11:30:00;1,07450;-0,70;0,00;20,00;first",
  "GBPUSD;Sell;0,50;06.05.2024 10:00;1,25400;06.05.2024 16:20;1,25000;-5,00;-1,25;200,00;",
  "XAUUSD;Buy;1,00;07.05.2024 09:30:00;2 310,50;07.05.2024 15:45:10;2 323,00;-7,00;0,00;1 250,00;gold",
];
const fileText = (lines: string[]) => [header, ...lines].join("\r\n") + "\r\n";

const columns = ["Symbol", "Type", "Volume", "Open Time", "Open Price", "Close Time", "Close Price", "Commission", "Swap", "Profit", "Comment"];
const suggestedFields = {
  deal_ticket: null,
  order_ticket: null,
  position_ticket: null,
  symbol: "Symbol",
  side: "Type",
  lot_size: "Volume",
  entry_price: "Open Price",
  exit_price: "Close Price",
  stop_loss: null,
  take_profit: null,
  profit: "Profit",
  commission: "Commission",
  swap: "Swap",
  fee: null,
  open_time: "Open Time",
  close_time: "Close Time",
  magic_number: null,
  comment: "Comment",
};
const mapping = {
  fields: suggestedFields,
  decimalComma: true,
  timeFormat: "dmy",
  account: { login: 40277777, server: "OtherBroker-Live", currency: "EUR" },
};

function storedTrades() {
  const { data } = listTrades(validate(listTradesQuery, { sort: "close_time", limit: "200" }, "query"));
  return data.map(({ id: _id, created_at: _createdAt, account_id: _accountId, ...trade }) => trade);
}

const mapped = {
  source: "import",
  order_ticket: null,
  position_ticket: null,
  position_reason: null,
  stop_loss: null,
  take_profit: null,
  initial_stop_loss: null,
  initial_take_profit: null,
  entry_commission: null,
  fee: null,
  utc_offset_minutes: null,
  magic_number: null,
  note: null,
  tags: [],
} as const;

beforeEach(() => {
  resetDatabase();
});

it("a CSV of another layout waits for its mapping, then imports with derived keys; the same file again adds nothing", async () => {
  const waiting = await importBytes("other-tool.csv", fileText(rows));
  expect(waiting.status).toBe("needs_mapping");
  expect(waiting.preview).toEqual({
    format: "csv",
    layout: "mapped",
    columns,
    suggested: { fields: suggestedFields, decimalComma: false, timeFormat: "mt5" },
  });
  expect(waiting.result).toBeNull();

  setImportMapping(waiting.id, validate(setImportMappingBody, { mapping }, "mapping"));
  const done = await waitForImport(waiting.id);
  expect(done.status).toBe("done");
  expect(done.result).toEqual({
    trades: { new: 3, present: 0, enriched: 0, rejected: 0 },
    balance_operations: { new: 0, present: 0, enriched: 0, rejected: 0 },
    rejected: [],
    kept: [],
    kept_total: 0,
    reconciliation: null,
  });
  // Every row goes to the mapping's account.
  const accounts = sqlite().prepare("SELECT login, server, currency, (SELECT COUNT(*) FROM trades t WHERE t.account_id = a.id) AS trades FROM accounts a").all();
  expect(accounts).toEqual([{ login: 40277777, server: "OtherBroker-Live", currency: "EUR", trades: 3 }]);

  const stored = storedTrades();
  const keys = stored.map((trade) => trade.deal_ticket);
  expect(stored).toEqual([
    // net 20.00 - 0.70 + 0.00 = 19.30
    { ...mapped, symbol: "EURUSD", deal_ticket: keys[0], position_type: "BUY", side: "BUY", lot_size: 0.1, entry_price: 1.0725, exit_price: 1.0745, profit: 20, commission: -0.7, swap: 0, net_profit: 19.3, open_time: "2024-05-02T09:00:00", close_time: "2024-05-02T11:30:00", duration_seconds: 9000, comment: "first" },
    // net 200.00 - 5.00 - 1.25 = 193.75; an empty comment cell is no comment
    { ...mapped, symbol: "GBPUSD", deal_ticket: keys[1], position_type: "SELL", side: "SELL", lot_size: 0.5, entry_price: 1.254, exit_price: 1.25, profit: 200, commission: -5, swap: -1.25, net_profit: 193.75, open_time: "2024-05-06T10:00:00", close_time: "2024-05-06T16:20:00", duration_seconds: 22800, comment: null },
    // "2 310,50" and "1 250,00": spaces group digits. net 1 250.00 - 7.00 = 1 243.00
    { ...mapped, symbol: "XAUUSD", deal_ticket: keys[2], position_type: "BUY", side: "BUY", lot_size: 1, entry_price: 2310.5, exit_price: 2323, profit: 1250, commission: -7, swap: 0, net_profit: 1243, open_time: "2024-05-07T09:30:00", close_time: "2024-05-07T15:45:10", duration_seconds: 22510, comment: "gold" },
  ]);
  expect(new Set(keys).size).toBe(3);
  for (const key of keys) expect(key).toBeGreaterThanOrEqual(importKeyBase);

  // The keys come from what makes each trade, not its line: the same rows in another order are the same trades.
  const again = await importBytes("other-tool.csv", fileText(rows.toReversed()), { mapping: JSON.stringify(mapping) });
  expect(again.status).toBe("done");
  expect(again.result?.trades).toEqual({ new: 0, present: 3, enriched: 0, rejected: 0 });
  expect(again.result?.kept_total).toBe(0);
  expect(storedTrades()).toEqual(stored);
});
