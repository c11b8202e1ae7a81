// The URL parameters that are trade filters: the API's names (lib/schemas/trade-query.ts), listed
// here without zod so client components can import them.
export const filterNames: readonly string[] = [
  "symbol",
  "magic_number",
  "position_type",
  "side",
  "position_reason",
  "outcome",
  "account_id",
  "deal_ticket",
  "position_ticket",
  "order_ticket",
  "tag",
  "from",
  "to",
];
