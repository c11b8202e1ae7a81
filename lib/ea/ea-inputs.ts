/**
 * The inputs of mql5/Experts/TradeJournal.mq5 with their defaults, as the settings page lists them;
 * lib/ea/ea-contract.test.ts checks them against the EA's own declarations.
 */
export const eaInputs = [
  { name: "InpServerUrl", type: "string", value: "http://127.0.0.1:3000", meaning: "The journal's base URL, no path" },
  { name: "InpApiKey", type: "string", value: "", meaning: "A write key" },
  { name: "InpBackfillDays", type: "int", value: "90", meaning: "Days of history sent on the first run" },
  { name: "InpSendIntervalSeconds", type: "int", value: "5", meaning: "How often queued records are sent" },
  { name: "InpMagicNumbers", type: "string", value: "", meaning: "Comma-separated magic numbers to journal; empty = all" },
  { name: "InpJournalManualTrades", type: "bool", value: "true", meaning: "Journal trades opened by hand (magic 0)" },
  { name: "InpBatchSize", type: "int", value: "100", meaning: "Trades per request (halved automatically on 413)" },
  { name: "InpTimeoutMs", type: "int", value: "5000", meaning: "WebRequest timeout" },
] as const;
