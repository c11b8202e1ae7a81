import { expect, test, type APIRequestContext } from "@playwright/test";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { expectError, postJson } from "./helpers";

// A known set in two accounts of their own, so other specs' trades do not change the answers.
const accounts = [
  { login: 77000001, server: "E2E-Query-A", currency: "USD" },
  { login: 77000002, server: "E2E-Query-B", currency: "USD" },
];
const seeded = generateDemoTrades({ seed: 2026, positionsPerAccount: 90, accounts });

interface Expected {
  deal_ticket: number;
  account_login: number;
  symbol: string;
  magic_number: number;
  side: string;
  net_profit: number;
  profit: number;
  lot_size: number;
  close_time: string;
  duration_seconds: number;
}

const wallClock = (mt5: unknown) => String(mt5).replaceAll(".", "-").replace(" ", "T");
const seconds = (mt5: unknown) => Date.parse(`${wallClock(mt5)}Z`) / 1000;

// Computed here, independently of the server, from the payloads as sent.
const expected: Expected[] = seeded.map((trade) => ({
  deal_ticket: trade.deal_ticket as number,
  account_login: trade.account_login as number,
  symbol: trade.symbol as string,
  magic_number: trade.magic_number as number,
  side: trade.position_type as string,
  profit: trade.profit as number,
  lot_size: trade.lot_size as number,
  net_profit: Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8,
  close_time: wallClock(trade.close_time),
  duration_seconds: seconds(trade.close_time) - seconds(trade.open_time),
}));

let accountIds: Record<number, number> = {};
let scope = "";

/** Follows next_cursor to the end; `query` replaces the two-account scope when it names account_id. */
async function fetchAll(request: APIRequestContext, query: string) {
  const pages: { deal_ticket: number }[][] = [];
  const base = `/api/v1/trades?${query.includes("account_id=") ? "" : `${scope}&`}${query}`;
  let url = base;
  for (;;) {
    const body = await (await request.get(url)).json();
    pages.push(body.data);
    if (!body.page.next_cursor) return { pages, total: body.page.total as number };
    url = `${base}&cursor=${encodeURIComponent(body.page.next_cursor)}`;
  }
}

let seeding: Promise<void> | undefined;

/** Posts the set once (through the batch endpoint, i.e. lib/trades) and learns the account ids. */
function seed(request: APIRequestContext): Promise<void> {
  seeding ??= (async () => {
    const response = await postJson(request, "/api/v1/trades/batch", { trades: seeded });
    // After a failed test Playwright starts a new worker, which posts again: duplicates then.
    const { counts } = await response.json();
    expect(counts.created + counts.duplicate).toBe(seeded.length);
    const list = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number }[];
    accountIds = Object.fromEntries(list.map((account) => [account.login, account.id]));
    scope = accounts.map((account) => `account_id=${accountIds[account.login]}`).join("&");
  })();
  return seeding;
}

test.beforeEach(async ({ request }) => seed(request));

function sorted(field: keyof Expected, descending: boolean) {
  const accountOf = (trade: Expected) => accountIds[trade.account_login]!;
  return [...expected].sort((a, b) => {
    const keys: (keyof Expected | "account")[] = [field, "close_time", "account", "deal_ticket"];
    for (const key of keys) {
      const x = key === "account" ? accountOf(a) : a[key];
      const y = key === "account" ? accountOf(b) : b[key];
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}

test.describe("GET /api/v1/trades", () => {
  for (const sort of ["-close_time", "close_time", "-net_profit", "profit", "lot_size", "-symbol", "duration_seconds"]) {
    test(`pages through sort=${sort} in full, in order, with the total`, async ({ request }) => {
      const field = sort.replace("-", "") as keyof Expected;
      const { pages, total } = await fetchAll(request, `sort=${sort}&limit=37`);
      expect(total).toBe(expected.length);
      expect(pages.flat().map((trade) => trade.deal_ticket)).toEqual(
        sorted(field, sort.startsWith("-")).map((trade) => trade.deal_ticket),
      );
    });
  }

  test("walks back with prev_cursor to the first page", async ({ request }) => {
    const first = await (await request.get(`/api/v1/trades?${scope}&limit=25`)).json();
    const second = await (await request.get(`/api/v1/trades?${scope}&limit=25&cursor=${first.page.next_cursor}`)).json();
    expect(second.page.prev_cursor).not.toBeNull();
    const back = await (await request.get(`/api/v1/trades?${scope}&limit=25&cursor=${second.page.prev_cursor}`)).json();
    expect(back.data).toEqual(first.data);
    expect(back.page.prev_cursor).toBeNull();
    expect(back.page.next_cursor).toBe(first.page.next_cursor);
  });

  test("filters by symbol and magic number (repeatable), side, outcome and time", async ({ request }) => {
    const cases: [string, (trade: Expected) => boolean][] = [
      ["symbol=XAUUSD", (trade) => trade.symbol === "XAUUSD"],
      ["symbol=EURUSD&symbol=US30", (trade) => ["EURUSD", "US30"].includes(trade.symbol)],
      ["magic_number=2002", (trade) => trade.magic_number === 2002],
      ["magic_number=0&magic_number=3003&side=SELL", (trade) => [0, 3003].includes(trade.magic_number) && trade.side === "SELL"],
      ["outcome=win", (trade) => trade.net_profit > 0],
      ["outcome=loss&outcome=breakeven", (trade) => trade.net_profit <= 0],
      ["from=2026-03-01&to=2026.06.01 00:00", (trade) => trade.close_time >= "2026-03-01T00:00:00" && trade.close_time < "2026-06-01T00:00:00"],
      [`account_id=${accountIds[accounts[1]!.login]}`, (trade) => trade.account_login === accounts[1]!.login],
      ["symbol=NONE", () => false],
    ];
    for (const [query, keep] of cases) {
      const { pages, total } = await fetchAll(request, `${query}&limit=500`);
      const want = sorted("close_time", true).filter(keep);
      expect(total, query).toBe(want.length);
      expect(pages.flat().map((trade) => trade.deal_ticket), query).toEqual(want.map((trade) => trade.deal_ticket));
    }
  });

  test("summary agrees with the same filters", async ({ request }) => {
    for (const [query, keep] of [
      ["", () => true],
      ["symbol=XAUUSD", (trade: Expected) => trade.symbol === "XAUUSD"],
      ["magic_number=1001", (trade: Expected) => trade.magic_number === 1001],
    ] as const) {
      const want = expected.filter(keep);
      const wins = want.filter((trade) => trade.net_profit > 0).length;
      const losses = want.filter((trade) => trade.net_profit < 0).length;
      const net = want.reduce((sum, trade) => sum + trade.net_profit, 0);
      const summary = (await (await request.get(`/api/v1/analytics/summary?${scope}&${query}`)).json()).data;
      expect(summary.total_trades).toBe(want.length);
      expect(summary.total_profit).toBeCloseTo(net, 6);
      expect(summary.win_rate).toBeCloseTo(wins / (wins + losses), 12);
      expect(summary.average_profit).toBeCloseTo(net / want.length, 6);
      expect(summary.average_duration_seconds).toBeCloseTo(
        want.reduce((sum, trade) => sum + trade.duration_seconds, 0) / want.length,
        6,
      );
    }
  });

  test("refuses a cursor reused with other filters", async ({ request }) => {
    const first = await (await request.get(`/api/v1/trades?${scope}&limit=5`)).json();
    const reused = await request.get(`/api/v1/trades?${scope}&symbol=EURUSD&limit=5&cursor=${first.page.next_cursor}`);
    await expectError(reused, 422, "invalid_cursor", "cursor");
  });
});
