import { describe, expect, it } from "vitest";
import { columnsFromHeader, languageOfLabel, reportLayouts, resultOfLabel, sectionOfTitle } from "@/lib/import/report-labels";

describe("report labels", () => {
  it("knows the language of header labels and section titles", () => {
    expect(languageOfLabel("Account:")).toBe("en");
    expect(languageOfLabel("口座:")).toBe("ja");
    expect(languageOfLabel("Счет:")).toBe("ru");
    expect(languageOfLabel("Konto:")).toBeNull();
  });

  it("names sections and Results figures in any known language", () => {
    expect(sectionOfTitle("Open Positions")).toBe("openPositions");
    expect(sectionOfTitle("ポジション")).toBe("openPositions");
    expect(sectionOfTitle("ポジション一覧")).toBe("positions");
    expect(sectionOfTitle("約定")).toBe("deals");
    expect(resultOfLabel("Total Net Profit:")).toBe("totalNetProfit");
    expect(resultOfLabel("取引数:")).toBe("totalTrades");
    expect(resultOfLabel("Profit Factor:")).toBeNull();
  });

  it("maps a header to columns, giving repeated labels out in layout order", () => {
    expect(columnsFromHeader("positions", ["Time", "Position", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Time", "Price", "Commission", "Swap", "Profit"])).toEqual(
      reportLayouts.positions,
    );
    const japaneseDeals = ["時間", "約定", "銘柄", "タイプ", "新規・決済", "数量", "価格", "注文", "手数料", "手数料", "スワップ", "損益", "残高", "コメント"];
    expect(columnsFromHeader("deals", japaneseDeals)?.slice(8, 10)).toEqual(["commission", "fee"]);
    // An older layout without Fee still maps by label.
    expect(columnsFromHeader("deals", ["Time", "Deal", "Symbol", "Type", "Direction", "Volume", "Price", "Order", "Commission", "Swap", "Profit", "Balance", "Comment"])).toEqual(
      ["time", "ticket", "symbol", "type", "direction", "volume", "price", "order", "commission", "swap", "profit", "balance", "comment"],
    );
    expect(columnsFromHeader("deals", ["Zeit", "Deal"])).toBeNull();
  });
});
