/** The label texts of a Trade History Report, as the terminal writes them in each language. */
export interface ReportLabels {
  title: string;
  name: string;
  account: string;
  company: string;
  date: string;
  positions: string;
  orders: string;
  deals: string;
  openPositions: string;
  workingOrders: string;
  results: string;
  balanceGraph: string;
  positionsHeader: string[];
  ordersHeader: string[];
  /** With the hidden Cost column at index 8. */
  dealsHeader: string[];
  openPositionsHeader: string[];
  workingOrdersHeader: string[];
  summary: {
    balance: string;
    creditFacility: string;
    floatingPL: string;
    equity: string;
    freeMargin: string;
    margin: string;
    marginLevel: string;
  };
  resultLabels: Record<ResultKey, string>;
}

export type ResultKey =
  | "totalNetProfit"
  | "grossProfit"
  | "grossLoss"
  | "profitFactor"
  | "expectedPayoff"
  | "recoveryFactor"
  | "sharpeRatio"
  | "balanceDrawdown"
  | "balanceDrawdownAbsolute"
  | "balanceDrawdownMaximal"
  | "balanceDrawdownRelative"
  | "totalTrades"
  | "shortTrades"
  | "longTrades"
  | "profitTrades"
  | "lossTrades"
  | "largestProfitTrade"
  | "largestLossTrade"
  | "averageProfitTrade"
  | "averageLossTrade"
  | "maxConsecutiveWins"
  | "maxConsecutiveLosses"
  | "maxConsecutiveProfit"
  | "maxConsecutiveLoss"
  | "averageConsecutiveWins"
  | "averageConsecutiveLosses";

export const reportLabels: Record<"en" | "ja", ReportLabels> = {
  en: {
    title: "Trade History Report",
    name: "Name:",
    account: "Account:",
    company: "Company:",
    date: "Date:",
    positions: "Positions",
    orders: "Orders",
    deals: "Deals",
    openPositions: "Open Positions",
    // Not in the English sample (it had no working orders); the name MT5's English UI uses.
    workingOrders: "Working Orders",
    results: "Results",
    balanceGraph: "Balance graph",
    positionsHeader: ["Time", "Position", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Time", "Price", "Commission", "Swap", "Profit"],
    ordersHeader: ["Open Time", "Order", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Time", "State", "Comment"],
    dealsHeader: ["Time", "Deal", "Symbol", "Type", "Direction", "Volume", "Price", "Order", "Cost", "Commission", "Fee", "Swap", "Profit", "Balance", "Comment"],
    openPositionsHeader: ["Time", "Position", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Market Price", "Swap", "Profit", "Comment"],
    workingOrdersHeader: ["Open Time", "Order", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Market Price", "State", "Comment"],
    summary: {
      balance: "Balance:",
      creditFacility: "Credit Facility:",
      floatingPL: "Floating P/L:",
      equity: "Equity:",
      freeMargin: "Free Margin:",
      margin: "Margin:",
      marginLevel: "Margin Level:",
    },
    resultLabels: {
      totalNetProfit: "Total Net Profit:",
      grossProfit: "Gross Profit:",
      grossLoss: "Gross Loss:",
      profitFactor: "Profit Factor:",
      expectedPayoff: "Expected Payoff:",
      recoveryFactor: "Recovery Factor:",
      sharpeRatio: "Sharpe Ratio:",
      balanceDrawdown: "Balance Drawdown:",
      balanceDrawdownAbsolute: "Balance Drawdown Absolute:",
      balanceDrawdownMaximal: "Balance Drawdown Maximal:",
      balanceDrawdownRelative: "Balance Drawdown Relative:",
      totalTrades: "Total Trades:",
      shortTrades: "Short Trades (won %):",
      longTrades: "Long Trades (won %):",
      profitTrades: "Profit Trades (% of total):",
      lossTrades: "Loss Trades (% of total):",
      largestProfitTrade: "Largest profit trade:",
      largestLossTrade: "Largest loss trade:",
      averageProfitTrade: "Average profit trade:",
      averageLossTrade: "Average loss trade:",
      maxConsecutiveWins: "Maximum consecutive wins ($):",
      maxConsecutiveLosses: "Maximum consecutive losses ($):",
      maxConsecutiveProfit: "Maximal consecutive profit (count):",
      maxConsecutiveLoss: "Maximal consecutive loss (count):",
      averageConsecutiveWins: "Average consecutive wins:",
      averageConsecutiveLosses: "Average consecutive losses:",
    },
  },
  ja: {
    title: "取引履歴レポート",
    name: "名前:",
    account: "口座:",
    company: "会社:",
    date: "日付:",
    positions: "ポジション一覧",
    orders: "注文",
    deals: "約定",
    openPositions: "ポジション",
    workingOrders: "現在のオーダー",
    results: "結果",
    balanceGraph: "現金残高グラフ",
    positionsHeader: ["時間", "ポジション情報", "銘柄", "タイプ", "数量", "価格", "決済逆指値(S/L)", "決済指値(T/P)", "時間", "価格", "手数料", "スワップ", "損益"],
    ordersHeader: ["約定時刻", "注文", "銘柄", "タイプ", "数量", "価格", "決済逆指値(S/L)", "決済指値(T/P)", "時間", "状況", "コメント"],
    // 手数料 twice: the terminal's Japanese labels call both commission and fee that.
    dealsHeader: ["時間", "約定", "銘柄", "タイプ", "新規・決済", "数量", "価格", "注文", "費用", "手数料", "手数料", "スワップ", "損益", "残高", "コメント"],
    openPositionsHeader: ["時間", "ポジション情報", "銘柄", "タイプ", "数量", "価格", "決済逆指値(S/L)", "決済指値(T/P)", "市場価格", "スワップ", "損益", "コメント"],
    workingOrdersHeader: ["約定時刻", "注文", "銘柄", "タイプ", "数量", "価格", "決済逆指値(S/L)", "決済指値(T/P)", "市場価格", "状況", "コメント"],
    summary: {
      balance: "残高:",
      creditFacility: "クレジットファシリティー:",
      floatingPL: "含み損益:",
      equity: "有効証拠金:",
      freeMargin: "余剰証拠金:",
      margin: "必要証拠金:",
      marginLevel: "証拠金維持率:",
    },
    resultLabels: {
      totalNetProfit: "総損益:",
      grossProfit: "総利益:",
      grossLoss: "総損失:",
      profitFactor: "プロフィットファクター:",
      expectedPayoff: "期待利得:",
      recoveryFactor: "リカバリファクター:",
      sharpeRatio: "シャープレシオ:",
      balanceDrawdown: "残高ドローダウン:",
      balanceDrawdownAbsolute: "残高絶対ドローダウン:",
      balanceDrawdownMaximal: "残高最大ドローダウン:",
      balanceDrawdownRelative: "残高相対ドローダウン:",
      totalTrades: "取引数:",
      shortTrades: "ショート (勝率 %):",
      longTrades: "ロング (勝率 %):",
      profitTrades: "勝ちトレード (勝率 %):",
      lossTrades: "負けトレード (負率 %):",
      largestProfitTrade: "最大 勝ちトレード:",
      largestLossTrade: "最大 負けトレード:",
      averageProfitTrade: "平均 勝ちトレード:",
      averageLossTrade: "平均 負けトレード:",
      maxConsecutiveWins: "最大 連勝数 (金額):",
      maxConsecutiveLosses: "最大 連敗数 (金額):",
      maxConsecutiveProfit: "最大 連勝利益額 (数):",
      maxConsecutiveLoss: "最大 連敗損失額 (数):",
      averageConsecutiveWins: "平均 連勝利益額 (数):",
      averageConsecutiveLosses: "平均 連敗数:",
    },
  },
};
