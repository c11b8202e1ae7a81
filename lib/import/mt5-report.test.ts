import { describe, expect, it } from "vitest";
import { createReportReader, exitReasonOf, type ParsedReport } from "@/lib/import/mt5-report";
import type { ReportRow } from "@/lib/import/report-rows";
import { at } from "@/lib/test/mt5-deals";

// Rows shaped like the readers' output for real exports, with invented values. One row per text
// line: "<line> cell|cell|...", a cell starting with [H] is hidden (HTML only).
function rows(text: string): ReportRow[] {
  return text
    .trim()
    .split("\n")
    .map((source) => {
      const [, line, rest = ""] = /^\s*(\d+) ?(.*)$/.exec(source)!;
      const cells = rest.split("|").map((cell) => (cell.startsWith("[H]") ? { text: cell.slice(3), hidden: true } : { text: cell, hidden: false }));
      return { line: Number(line), cells };
    });
}

function read(text: string): ParsedReport {
  const reader = createReportReader();
  for (const row of rows(text)) reader.push(row);
  return reader.finish();
}

const englishHtml = `
1 Trade History Report
2 Name:|Jane Trader
3 Account:|12345678\u00a0(USD, Demo-Server 2, demo, Hedge)
4 Company:|Example Broker Ltd.
5 Date:|2026.03.05 18:30
6 |||||||||||||
7 Positions
8 Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Time|Price|Commission|Swap|Profit
9 2026.03.02 09:00:00|501|EURUSD|buy|[H]grid 1|0.10|1.10000|1.09500|1.10500|2026.03.02 09:20:00|1.10200|-0.70|0.00|20.00
10
11 Orders
12 Open Time|Order|Symbol|Type|Volume|Price|S / L|T / P|Time|State|Comment
13 2026.03.02 09:00:00|501|EURUSD|buy|0.10 / 0.10|1.10000|1.09500|1.10500|2026.03.02 09:00:00|filled|grid 1
14 2026.03.02 09:20:00|502|EURUSD|sell|0.10 / 0.10|1.10200|||2026.03.02 09:20:00|filled|[tp 1.10200]
15
16 Deals
17 Time|Deal|Symbol|Type|Direction|Volume|Price|Order|[H]Cost|Commission|Fee|Swap|Profit|Balance|Comment
18 2026.03.01 08:00:00|700||balance|||||[H]|0.00|0.00|0.00|10 000.00|10 000.00|Deposit
19 2026.03.02 09:00:00|701|EURUSD|buy|in|0.10|1.10000|501|[H]|-0.70|0.00|0.00|0.00|9 999.30|grid 1
20 2026.03.02 09:20:00|702|EURUSD|sell|out|0.10|1.10200|502|[H]|0.00|0.00|0.00|20.00|10 019.30|[tp 1.10200]
21 2026.03.02 10:00:00|703|GBPUSD|sell|in|0.20|1.25010|503|[H]|-1.40|0.00|0.00|0.00|10 017.90|
22 |-2.10|0.00|0.00|10 020.00|10 017.90|
23 Open Positions
24 Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Market Price|Swap|Profit|Comment
25 2026.03.02 10:00:00|503|GBPUSD|sell|0.20|1.25010|||1.24910|-0.30|20.00|
26 |-0.30|20.00|
27
28 Balance:|10 017.90||Free Margin:|9 900.00
29 Credit Facility:|0.00||Margin:|137.90
30 Floating P/L:|19.70||Margin Level:|7 264.61%
31 Equity:|10 037.60
32
33 Results
34 Total Net Profit:|17.90|Gross Profit:|20.00|Gross Loss:|0.00
35 Profit Factor:|0.00|Expected Payoff:|17.90
36 Recovery Factor:|0.00|Sharpe Ratio:|0.00
37
38 Balance Drawdown:
39 Balance Drawdown Absolute:|0.70|Balance Drawdown Maximal:|0.70 (0.01%)|Balance Drawdown Relative:|0.01% (0.70)
40
41 Total Trades:|1|Short Trades (won %):|0 (0.00%)|Long Trades (won %):|1 (100.00%)
42 |Profit Trades (% of total):|1 (100.00%)|Loss Trades (% of total):|0 (0.00%)
`;

// The same report as the XLSX reader gives it: no hidden cells, raw numbers, merged cells absent,
// the summary right after the Open Positions footer.
const englishXlsx = `
1 Trade History Report
2 Name:|Jane Trader
3 Account:|12345678 (USD, Demo-Server 2, demo, Hedge)
4 Company:|Example Broker Ltd.
5 Date:|2026.03.05 18:30
6 Positions
7 Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Time|Price|Commission|Swap|Profit
8 2026.03.02 09:00:00|501|EURUSD|buy|0.10|1.10000|1.09500|1.10500|2026.03.02 09:20:00|1.10200|-0.70|0.00|20.00
9 Orders
10 Open Time|Order|Symbol|Type|Volume|Price|S / L|T / P|Time|State|Comment
11 2026.03.02 09:00:00|501|EURUSD|buy|0.10 / 0.10|1.10000|1.09500|1.10500|2026.03.02 09:00:00|filled|grid 1
12 2026.03.02 09:20:00|502|EURUSD|sell|0.10 / 0.10|1.10200|||2026.03.02 09:20:00|filled|[tp 1.10200]
13 Deals
14 Time|Deal|Symbol|Type|Direction|Volume|Price|Order|Commission|Fee|Swap|Profit|Balance|Comment
15 2026.03.01 08:00:00|700||balance|||||0.00|0.00|0.00|10000.00|10000.00|Deposit
16 2026.03.02 09:00:00|701|EURUSD|buy|in|0.10|1.10000|501|-0.70|0.00|0.00|0.00|9999.30|grid 1
17 2026.03.02 09:20:00|702|EURUSD|sell|out|0.10|1.10200|502|0.00|0.00|0.00|20.00|10019.30|[tp 1.10200]
18 2026.03.02 10:00:00|703|GBPUSD|sell|in|0.20|1.25010|503|-1.40|0.00|0.00|0.00|10017.90|
19 ||||||||-2.100000|0.000000|0.000000|10020.00|10017.90||
20 Open Positions
21 Time|Position|Symbol|Type|Volume|Price|S / L|T / P|Market Price|Swap|Profit|Comment
22 2026.03.02 10:00:00|503|GBPUSD|sell|0.20|1.25010|||1.24910|-0.30|20.00|
23 ||||||||||-0.300000|20.000000|||
24 Balance:|10017.900000|Free Margin:|9900.000000
25 Equity:|10037.600000
26
27 Results
28 Total Net Profit:|17.900000|Gross Profit:|20.000000|Gross Loss:|0.000000
29 Profit Factor:|0.000000|Expected Payoff:|17.900000
30 Balance Drawdown:
31 Total Trades:|1.000000|Short Trades (won %):|0 (0.00%)|Long Trades (won %):|1 (100.00%)
`;

const japaneseHtml = `
1 取引履歴レポート
2 名前:|TEST_EA
3 口座:|87654321\u00a0(JPY, Example-Japan MT5 Demo, demo, Netting)
4 会社:|Example Securities Co.
5 日付:|2026.03.05 19:52
6 |||||||||||||
7 ポジション一覧
8 時間|ポジション情報|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|時間|価格|手数料|スワップ|損益
9 2026.03.02 11:10:58|801|USDJPY|sell|[H]orb|0.10|150.471|150.558|150.419|2026.03.02 11:16:25|150.419|-10|-3|520
10
11 注文
12 約定時刻|注文|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|時間|状況|コメント
13 2026.03.02 11:00:00|801|USDJPY|sell stop|0.10 / 0.10|150.471|150.558|150.419|2026.03.02 11:10:58|filled|orb
14
15 約定
16 時間|約定|銘柄|タイプ|新規・決済|数量|価格|注文|[H]費用|手数料|手数料|スワップ|損益|残高|コメント
17 2026.03.01 17:37:37|900||balance|||||[H]|0|0|0|3 000 000|3 000 000|Deposit
18 2026.03.02 11:10:58|901|USDJPY|sell|in|0.10|150.471|801|[H]|-10|-5|0|0|2 999 985|orb
19 2026.03.02 11:16:25|902|USDJPY|buy|out|0.10|150.419|802|[H]|0|0|-3|520|3 000 502|[tp 150.419]
20 |-10|-5|-3|3 000 520|3 000 502|
21 ポジション
22 時間|ポジション情報|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|市場価格|スワップ|損益|コメント
23 2026.03.02 13:27:22|803|EURJPY|sell|0.10|162.310|162.393|162.206|162.333|0|-230|orb
24 |0|-230|
25 現在のオーダー
26 約定時刻|注文|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|市場価格|状況|コメント
27 2026.03.02 11:00:00|804|USDJPY|buy stop|0.10 / 0|150.580|150.498|150.682|150.333|placed|orb
28
29 残高:|3 000 502||余剰証拠金:|2 995 854
30 有効証拠金:|3 000 272
31
32 結果
33 総損益:|502|総利益:|520|総損失:|0
34 プロフィットファクター:|0.00|期待利得:|502.00
35 取引数:|1|ショート (勝率 %):|1 (100.00%)|ロング (勝率 %):|0 (0.00%)
`;

const japaneseXlsx = `
1 取引履歴レポート
2 名前:|TEST_EA
3 口座:|87654321 (JPY, Example-Japan MT5 Demo, demo, Netting)
4 会社:|Example Securities Co.
5 日付:|2026.03.05 19:52
6 ポジション一覧
7 時間|ポジション情報|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|時間|価格|手数料|スワップ|損益
8 2026.03.02 11:10:58|801|USDJPY|sell|0.10|150.471|150.558|150.419|2026.03.02 11:16:25|150.419|-10|-3|520
9 注文
10 約定時刻|注文|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|時間|状況|コメント
11 2026.03.02 11:00:00|801|USDJPY|sell stop|0.10 / 0.10|150.471|150.558|150.419|2026.03.02 11:10:58|filled|orb
12 約定
13 時間|約定|銘柄|タイプ|新規・決済|数量|価格|注文|手数料|手数料|スワップ|損益|残高|コメント
14 2026.03.01 17:37:37|900||balance|||||0|0|0|3000000|3000000|Deposit
15 2026.03.02 11:10:58|901|USDJPY|sell|in|0.10|150.471|801|-10|-5|0|0|2999985|orb
16 2026.03.02 11:16:25|902|USDJPY|buy|out|0.10|150.419|802|0|0|-3|520|3000502|[tp 150.419]
17 ||||||||-10.000000|-5.000000|-3.000000|3000520|3000502||
18 ポジション
19 時間|ポジション情報|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|市場価格|スワップ|損益|コメント
20 2026.03.02 13:27:22|803|EURJPY|sell|0.10|162.310|162.393|162.206|162.333|0|-230|orb
21 ||||||||||0.000000|-230.000000|||
22 現在のオーダー
23 約定時刻|注文|銘柄|タイプ|数量|価格|決済逆指値(S/L)|決済指値(T/P)|市場価格|状況|コメント
24 2026.03.02 11:00:00|804|USDJPY|buy stop|0.10 / 0|150.580|150.498|150.682|150.333|placed|orb
25 残高:|3000502.000000|余剰証拠金:|2995854.000000
26 結果
27 総損益:|502.000000|総利益:|520.000000|総損失:|0.000000
28 取引数:|1.000000|ショート (勝率 %):|1 (100.00%)|ロング (勝率 %):|0 (0.00%)
`;

/** A parse without row lines, to compare the HTML and XLSX readings of one report. */
function withoutLines(report: ParsedReport) {
  const strip = <T extends { line: number }>(items: T[]) => items.map(({ line: _line, ...rest }) => rest);
  return {
    ...report,
    positions: strip(report.positions).map((position) => ({ ...position, comment: "" })),
    orders: strip(report.orders),
    deals: strip(report.deals),
    openPositions: strip(report.openPositions),
    rejected: strip(report.rejected),
  };
}

describe("createReportReader on an English HTML report", () => {
  const report = read(englishHtml);

  it("reads the header: account, margin mode, report time and language", () => {
    expect(report.account).toEqual({
      login: 12345678,
      currency: "USD",
      server: "Demo-Server 2",
      name: "Jane Trader",
      company: "Example Broker Ltd.",
      kind: "demo",
      margin: "hedging",
    });
    expect(report.reportTime).toBe(at("2026.03.05 18:30:00"));
    expect(report.language).toBe("en");
  });

  it("reads a Positions row with its hidden comment", () => {
    expect(report.positions).toEqual([
      {
        line: 9, ticket: 501, openTime: at("2026.03.02 09:00:00"), symbol: "EURUSD", side: "BUY", volume: 0.1, openPrice: 1.1, sl: 1.095, tp: 1.105,
        closeTime: at("2026.03.02 09:20:00"), closePrice: 1.102, commission: -0.7, swap: 0, profit: 20, comment: "grid 1", priceDecimals: 5,
      },
    ]);
  });

  it("reads Orders, Deals (balance row, footer skipped, hidden Cost ignored) and Open Positions", () => {
    expect(report.orders).toEqual([
      { line: 13, ticket: 501, symbol: "EURUSD", type: "buy", sl: 1.095, tp: 1.105, state: "filled" },
      { line: 14, ticket: 502, symbol: "EURUSD", type: "sell", sl: 0, tp: 0, state: "filled" },
    ]);
    expect(report.deals.map((item) => item.line)).toEqual([18, 19, 20, 21]);
    expect(report.deals[0]).toEqual({
      line: 18,
      deal: {
        ticket: 700, order: 0, positionId: 0, time: at("2026.03.01 08:00:00"), type: "BALANCE", entry: "IN", symbol: "", volume: 0, price: 0,
        commission: 0, swap: 0, profit: 10000, fee: 0, sl: 0, tp: 0, magic: 0, reason: "", comment: "Deposit",
      },
      priceDecimals: 0,
      moneyDecimals: 2,
    });
    expect(report.deals[2]).toEqual({
      line: 20,
      deal: {
        ticket: 702, order: 502, positionId: 0, time: at("2026.03.02 09:20:00"), type: "SELL", entry: "OUT", symbol: "EURUSD", volume: 0.1, price: 1.102,
        commission: 0, swap: 0, profit: 20, fee: 0, sl: 0, tp: 0, magic: 0, reason: "TAKE_PROFIT", comment: "[tp 1.10200]",
      },
      priceDecimals: 5,
      moneyDecimals: 2,
    });
    expect(report.deals[3]!.deal).toMatchObject({ ticket: 703, type: "SELL", entry: "IN", commission: -1.4, reason: "" });
    expect(report.openPositions).toEqual([
      { line: 25, ticket: 503, openTime: at("2026.03.02 10:00:00"), symbol: "GBPUSD", side: "SELL", volume: 0.2, price: 1.2501, swap: -0.3, profit: 20, comment: "" },
    ]);
  });

  it("reads the Results and ignores the summary", () => {
    expect(report.results).toEqual({ totalNetProfit: 17.9, grossProfit: 20, grossLoss: 0, totalTrades: 1 });
    expect(report.rejected).toEqual([]);
  });
});

describe("createReportReader on the other shapes", () => {
  it("reads the XLSX rows of a report as it reads the HTML rows (only the Positions comment is missing)", () => {
    const xlsx = read(englishXlsx);
    expect(xlsx.rejected).toEqual([]);
    expect(xlsx.positions[0]!.comment).toBe("");
    expect(withoutLines(xlsx)).toEqual(withoutLines(read(englishHtml)));
  });

  it("reads a Japanese HTML report: labels, the two 手数料 columns in order, yen without decimals", () => {
    const report = read(japaneseHtml);
    expect(report.language).toBe("ja");
    expect(report.account).toMatchObject({ login: 87654321, currency: "JPY", server: "Example-Japan MT5 Demo", name: "TEST_EA", margin: "netting" });
    expect(report.reportTime).toBe(at("2026.03.05 19:52:00"));
    expect(report.positions[0]).toMatchObject({ ticket: 801, side: "SELL", sl: 150.558, tp: 150.419, commission: -10, swap: -3, profit: 520, comment: "orb", priceDecimals: 3 });
    expect(report.deals.map(({ deal }) => [deal.ticket, deal.commission, deal.fee, deal.profit])).toEqual([
      [900, 0, 0, 3_000_000],
      [901, -10, -5, 0],
      [902, 0, 0, 520],
    ]);
    expect(report.deals.map((item) => item.moneyDecimals)).toEqual([0, 0, 0]);
    expect(report.openPositions).toEqual([
      { line: 23, ticket: 803, openTime: at("2026.03.02 13:27:22"), symbol: "EURJPY", side: "SELL", volume: 0.1, price: 162.31, swap: 0, profit: -230, comment: "orb" },
    ]);
    expect(report.orders).toHaveLength(1); // the working order is recognised and left out
    expect(report.results).toEqual({ totalNetProfit: 502, grossProfit: 520, grossLoss: 0, totalTrades: 1 });
    expect(report.rejected).toEqual([]);
  });

  it("reads the Japanese XLSX rows as the HTML rows", () => {
    const xlsx = read(japaneseXlsx);
    expect(xlsx.rejected).toEqual([]);
    expect(withoutLines(xlsx)).toEqual(withoutLines(read(japaneseHtml)));
  });

  it("imports a report in a language it has no labels for, by place and row shape", () => {
    const labels = new Set(
      englishHtml
        .split("\n")
        .flatMap((line) => line.replace(/^\s*\d+ ?/, "").split("|"))
        .filter((cell) => /^[A-Z][A-Za-z /()%&]*:?$/.test(cell) && !/^(EURUSD|GBPUSD|Jane Trader|Deposit)$/.test(cell)),
    );
    let next = 0;
    const renamed = new Map([...labels].map((label) => [label, `Qx${next++}${label.endsWith(":") ? ":" : ""}`]));
    const foreign = englishHtml
      .split("\n")
      .map((line) => line.replace(/^(\s*\d+ ?)(.*)$/, (_all, head: string, rest: string) => head + rest.split("|").map((cell) => renamed.get(cell) ?? cell).join("|")))
      .join("\n");
    expect(foreign).not.toContain("Deals");
    expect(foreign).not.toContain("Total Net Profit");
    const report = read(foreign);
    expect(report.language).toBeNull();
    expect(withoutLines(report)).toEqual({ ...withoutLines(read(englishHtml)), language: null });
  });

  it("rejects a row it cannot read, naming the cell and why", () => {
    const broken = englishHtml.replace("|buy|in|0.10|1.10000|501|", "|buy|in|abc|1.10000|501|").replace("|sell|out|0.10|", "|sell|sideways|0.10|");
    const report = read(broken);
    expect(report.rejected).toEqual([
      { line: 19, reason: 'Deals row: volume "abc" is not a number' },
      { line: 20, reason: 'Deals row: direction "sideways" is not in, out, in/out or out by' },
    ]);
    expect(report.deals.map(({ deal }) => deal.ticket)).toEqual([700, 703]);
  });
});

describe("exitReasonOf", () => {
  it.each([
    ["[sl 1.14496]", "STOP_LOSS"],
    ["[tp 1.14269]", "TAKE_PROFIT"],
    ["[so 45.12%, 1000.00/ 2216.34/ 4431.00]", "STOP_OUT"],
    ["so 45.12%", "STOP_OUT"],
    ["grid 1", ""],
    ["", ""],
  ])("%j -> %j", (comment, reason) => {
    expect(exitReasonOf(comment)).toBe(reason);
  });
});
