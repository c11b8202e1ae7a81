// What the terminal's History report writes, per language. English and Japanese are copied from
// real exports; Russian is from the terminal's strings as we know them and unchecked. The reader
// recognises everything by position and data shape first, so nothing here is required to import.

export const reportLanguages = ["en", "ja", "ru"] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const sectionKinds = ["positions", "orders", "deals", "openPositions", "workingOrders"] as const;
export type SectionKind = (typeof sectionKinds)[number];

/** The columns of each table in the order the terminal writes them (visible cells only). */
export const reportLayouts = {
  positions: ["openTime", "ticket", "symbol", "type", "volume", "openPrice", "sl", "tp", "closeTime", "closePrice", "commission", "swap", "profit"],
  orders: ["openTime", "ticket", "symbol", "type", "volume", "price", "sl", "tp", "time", "state", "comment"],
  deals: ["time", "ticket", "symbol", "type", "direction", "volume", "price", "order", "commission", "fee", "swap", "profit", "balance", "comment"],
  openPositions: ["openTime", "ticket", "symbol", "type", "volume", "price", "sl", "tp", "marketPrice", "swap", "profit", "comment"],
  workingOrders: ["openTime", "ticket", "symbol", "type", "volume", "price", "sl", "tp", "marketPrice", "state", "comment"],
} as const satisfies Record<SectionKind, readonly string[]>;

export type ColumnKey<K extends SectionKind> = (typeof reportLayouts)[K][number];

export interface ReportLabels {
  header: { name: string; account: string; company: string; date: string };
  sections: Record<SectionKind | "results", string>;
  results: { totalNetProfit: string; grossProfit: string; grossLoss: string; totalTrades: string };
  /** Header cell texts; a text used for two columns (Time, Price, 手数料) is given to them in layout order. */
  columns: { [K in SectionKind]?: Partial<Record<ColumnKey<K>, string>> };
}

const english: ReportLabels = {
  header: { name: "Name:", account: "Account:", company: "Company:", date: "Date:" },
  sections: {
    positions: "Positions",
    orders: "Orders",
    deals: "Deals",
    openPositions: "Open Positions",
    workingOrders: "Working Orders",
    results: "Results",
  },
  results: { totalNetProfit: "Total Net Profit:", grossProfit: "Gross Profit:", grossLoss: "Gross Loss:", totalTrades: "Total Trades:" },
  columns: {
    positions: {
      openTime: "Time", ticket: "Position", symbol: "Symbol", type: "Type", volume: "Volume", openPrice: "Price", sl: "S / L", tp: "T / P",
      closeTime: "Time", closePrice: "Price", commission: "Commission", swap: "Swap", profit: "Profit",
    },
    orders: {
      openTime: "Open Time", ticket: "Order", symbol: "Symbol", type: "Type", volume: "Volume", price: "Price", sl: "S / L", tp: "T / P",
      time: "Time", state: "State", comment: "Comment",
    },
    deals: {
      time: "Time", ticket: "Deal", symbol: "Symbol", type: "Type", direction: "Direction", volume: "Volume", price: "Price", order: "Order",
      commission: "Commission", fee: "Fee", swap: "Swap", profit: "Profit", balance: "Balance", comment: "Comment",
    },
    openPositions: {
      openTime: "Time", ticket: "Position", symbol: "Symbol", type: "Type", volume: "Volume", price: "Price", sl: "S / L", tp: "T / P",
      marketPrice: "Market Price", swap: "Swap", profit: "Profit", comment: "Comment",
    },
    workingOrders: {
      openTime: "Open Time", ticket: "Order", symbol: "Symbol", type: "Type", volume: "Volume", price: "Price", sl: "S / L", tp: "T / P",
      marketPrice: "Market Price", state: "State", comment: "Comment",
    },
  },
};

const japanese: ReportLabels = {
  header: { name: "名前:", account: "口座:", company: "会社:", date: "日付:" },
  sections: {
    positions: "ポジション一覧",
    orders: "注文",
    deals: "約定",
    openPositions: "ポジション",
    workingOrders: "現在のオーダー",
    results: "結果",
  },
  results: { totalNetProfit: "総損益:", grossProfit: "総利益:", grossLoss: "総損失:", totalTrades: "取引数:" },
  columns: {
    positions: {
      openTime: "時間", ticket: "ポジション情報", symbol: "銘柄", type: "タイプ", volume: "数量", openPrice: "価格", sl: "決済逆指値(S/L)",
      tp: "決済指値(T/P)", closeTime: "時間", closePrice: "価格", commission: "手数料", swap: "スワップ", profit: "損益",
    },
    orders: {
      openTime: "約定時刻", ticket: "注文", symbol: "銘柄", type: "タイプ", volume: "数量", price: "価格", sl: "決済逆指値(S/L)",
      tp: "決済指値(T/P)", time: "時間", state: "状況", comment: "コメント",
    },
    deals: {
      time: "時間", ticket: "約定", symbol: "銘柄", type: "タイプ", direction: "新規・決済", volume: "数量", price: "価格", order: "注文",
      commission: "手数料", fee: "手数料", swap: "スワップ", profit: "損益", balance: "残高", comment: "コメント",
    },
    openPositions: {
      openTime: "時間", ticket: "ポジション情報", symbol: "銘柄", type: "タイプ", volume: "数量", price: "価格", sl: "決済逆指値(S/L)",
      tp: "決済指値(T/P)", marketPrice: "市場価格", swap: "スワップ", profit: "損益", comment: "コメント",
    },
    workingOrders: {
      openTime: "約定時刻", ticket: "注文", symbol: "銘柄", type: "タイプ", volume: "数量", price: "価格", sl: "決済逆指値(S/L)",
      tp: "決済指値(T/P)", marketPrice: "市場価格", state: "状況", comment: "コメント",
    },
  },
};

const russian: ReportLabels = {
  header: { name: "Имя:", account: "Счет:", company: "Компания:", date: "Дата:" },
  sections: {
    positions: "Позиции",
    orders: "Ордера",
    deals: "Сделки",
    openPositions: "Открытые позиции",
    workingOrders: "Рабочие ордера",
    results: "Результаты",
  },
  results: { totalNetProfit: "Общая чистая прибыль:", grossProfit: "Общая прибыль:", grossLoss: "Общий убыток:", totalTrades: "Всего трейдов:" },
  columns: {},
};

export const reportLabels: Record<ReportLanguage, ReportLabels> = { en: english, ja: japanese, ru: russian };

/** Labels compare without case, surrounding space, NBSP or a trailing (full-width) colon. */
export function normalizeLabel(text: string): string {
  return text.replace(/\u00a0/g, " ").trim().replace(/[:：]$/, "").trim().toLowerCase();
}

/** The language whose header or section labels include this text, if any. */
export function languageOfLabel(text: string): ReportLanguage | null {
  const label = normalizeLabel(text);
  if (label === "") return null;
  for (const language of reportLanguages) {
    const { header, sections } = reportLabels[language];
    if ([...Object.values(header), ...Object.values(sections)].some((known) => normalizeLabel(known) === label)) return language;
  }
  return null;
}

/** The section kind (or "results") a title names in any known language. */
export function sectionOfTitle(text: string): SectionKind | "results" | null {
  const label = normalizeLabel(text);
  for (const language of reportLanguages) {
    for (const [kind, title] of Object.entries(reportLabels[language].sections)) {
      if (normalizeLabel(title) === label) return kind as SectionKind | "results";
    }
  }
  return null;
}

/** The Results figure a label names in any known language. */
export function resultOfLabel(text: string): keyof ReportLabels["results"] | null {
  const label = normalizeLabel(text);
  for (const language of reportLanguages) {
    for (const [key, known] of Object.entries(reportLabels[language].results)) {
      if (normalizeLabel(known) === label) return key as keyof ReportLabels["results"];
    }
  }
  return null;
}

/**
 * Maps header cells to columns by label: each cell takes the first column of the layout with that
 * label not taken yet (the first "Time" is the open time, the first 手数料 the commission). Null
 * unless the cells are exactly the layout's labels in some known language.
 */
export function columnsFromHeader<K extends SectionKind>(kind: K, headerTexts: readonly string[]): ColumnKey<K>[] | null {
  for (const language of reportLanguages) {
    const labels: Partial<Record<string, string>> | undefined = reportLabels[language].columns[kind];
    if (!labels) continue;
    const layout: readonly string[] = reportLayouts[kind];
    const taken = new Set<string>();
    const columns: string[] = [];
    for (const text of headerTexts) {
      const key = layout.find((candidate) => !taken.has(candidate) && labels[candidate] !== undefined && normalizeLabel(labels[candidate]) === normalizeLabel(text));
      if (key === undefined) break;
      taken.add(key);
      columns.push(key);
    }
    if (columns.length === headerTexts.length && columns.length > 0) return columns as ColumnKey<K>[];
  }
  return null;
}
