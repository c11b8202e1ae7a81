// fast-check arbitraries for fuzzing the API: requests built from the real schemas (mostly
// near-valid, then mutated) plus raw junk. Shared by the in-process fuzz test (lib/http/fuzz.test.ts)
// and the HTTP one (e2e/api/fuzz.spec.ts), so this module must not touch the database.
import fc from "fast-check";
import { balanceOperationTypes, createBalanceOperationBody, listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";
import { breakdownDimensions, outcomes, periods, positionReasons, positionTypes, sides } from "@/lib/schemas/fields";
import { createTradeBody } from "@/lib/schemas/trade";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import {
  breakdownQuery,
  dailyQuery,
  distributionQuery,
  equityQuery,
  exportTradesQuery,
  listTradesQuery,
  sortFields,
  tradeFiltersQuery,
} from "@/lib/schemas/trade-query";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { formatBrokerTime } from "@/lib/time/broker-time";
import { cursorFingerprint } from "@/lib/trades/trade-cursor";

// ---------------------------------------------------------------------------------------------
// Requests

/** The route handlers the fuzzer calls (the folder under app/api/v1). */
export type FuzzRoute =
  | "trades"
  | "trades/batch"
  | "trades/[id]"
  | "trades.csv"
  | "analytics/summary"
  | "analytics/equity"
  | "analytics/daily"
  | "analytics/breakdown"
  | "analytics/distribution"
  | "tags"
  | "accounts"
  | "strategies"
  | "balance-operations";

/** One request, as sent over HTTP (path) and as a route handler receives it (route, params). */
export interface FuzzRequest {
  method: "GET" | "POST" | "PATCH";
  route: FuzzRoute;
  /** The path parameters Next.js hands the handler (decoded). */
  params: Record<string, string>;
  /** Path and query string as they go on the wire (already percent-encoded, junk included). */
  path: string;
  /** The Content-Type header; null sends none. */
  contentType?: string | null;
  body?: string | Uint8Array<ArrayBuffer>;
}

// ---------------------------------------------------------------------------------------------
// JSON with the parts JSON.stringify cannot write

/** Text written verbatim where a value goes: 1e400, -0, 9223372036854775808, NaN. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object written entry by entry, in order: a key may appear twice (the last one wins in JSON.parse). */
export class JsonObject {
  constructor(readonly entries: (readonly [string, Jsonish])[]) {}
}

export type Jsonish = null | boolean | number | string | RawJson | JsonObject | Jsonish[] | { [key: string]: Jsonish };

export function toJsonText(value: Jsonish): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(",")}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value !== null && typeof value === "object") return toJsonText(new JsonObject(Object.entries(value)));
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const printable = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

/** Strings a careless parser chokes on: unicode, emoji, NUL and other controls, lone surrogates, very long. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: printable },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "", " ", "\t\n", "\u0000", "EURUSD\u0000", "\u0000EURUSD", "EUR\u0000USD", "\ud800", "\udfff\ud800",
      "\u202eDSUR\u202c", "\u00a0EURUSD\u00a0", "🚀📉💸", "👨‍👩‍👧‍👦", "Z̴̡̛a̷l̸g̵o̶", "ＥＵＲＵＳＤ", "NaN", "Infinity",
      "-Infinity", "null", "undefined", "true", "__proto__", "constructor", "'; DROP TABLE trades; --",
      "\" OR 1=1 --", "%", "_", "%00", "\\", "\\u0000", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "a,b",
      "\r\n",
    ),
  },
  { weight: 1, arbitrary: fc.tuple(printable, controlCharacter, printable).map((parts) => parts.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "é", "🚀", "\u0000", "ab"), fc.integer({ min: 40, max: 300 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "€", "🚀"), fc.integer({ min: 1_000, max: 30_000 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
);

/** Numbers at and past every edge: huge, negative, fractional, beyond 2^53 and 2^63, and JSON that is not a number. */
export const oddNumber: fc.Arbitrary<Jsonish> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<Jsonish>(
      0, -0, 1, -1, 0.5, -0.01, 1e-300, 5e-324, -5e-324, 1e6, 1e9 + 1, 1e12, -1e12, 1e12 + 1, 1e15, 1e20, -1e20,
      1e308, -1e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 63, 2 ** 64,
      new RawJson("9007199254740993"), new RawJson("9223372036854775807"), new RawJson("9223372036854775808"),
      new RawJson("18446744073709551616"), new RawJson("-9223372036854775809"),
      new RawJson("123456789012345678901234567890"), new RawJson("1e400"), new RawJson("-1e400"), new RawJson("1E2"),
      new RawJson("0.10"), new RawJson("1.0000000000000000000001"), new RawJson("-0.0"), new RawJson("NaN"),
      new RawJson("Infinity"), new RawJson("-Infinity"), new RawJson("0x10"), new RawJson("01"), new RawJson("+1"),
      new RawJson(".5"), new RawJson("1."), new RawJson("1e"),
    ),
  },
  { weight: 2, arbitrary: fc.double().map((value) => (Number.isFinite(value) ? value : new RawJson(String(value)))) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((value) => new RawJson(String(value))) },
);

/** Times in formats the API accepts, almost accepts, or does not accept at all. */
export const oddTime: fc.Arbitrary<Jsonish> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<Jsonish>(
      "2026.02.30 10:00:00", "2026.02.29 10:00:00", "2024.02.29 10:00:00", "2026.01.02 25:00:00",
      "2026.01.02 23:60:00", "2026.01.02 23:59:60", "2026.13.01 00:00:00", "2026.00.10 00:00:00",
      "02.01.2026 14:00:00", "2026/01/02 14:00:00", "2026.1.2 3:4:5", "2026.01.02", "2026.01.02 14",
      "2026.01.02T14:00:00", "2026.01.02  14:00:00", " 2026.01.02 14:00:00 ", "2026.01.02 14:00:00\u0000",
      "2026.01.02 14:00:00.123", "1970.01.01 00:00:00", "1969.12.31 23:59:59", "0000.01.01 00:00:00",
      "0099.01.01 00:00:00", "2999.12.31 23:59:59", "3000.01.01 00:00:00", "9999.12.31 23:59:59", "2026-01-02",
      "2026-01-02T14:00:00Z", "2026-01-02t14:00:00z", "2026-01-02T14:00:00+02:00", "2026-01-02T14:00:00-0530",
      "2026-01-02T14:00:00+14:00", "2026-01-02T14:00:00+14:01", "2026-01-02T14:00:00+99:99",
      "2026-01-02T14:00:00-99:99", "2026-01-02T14:00:00+02", "2026-01-02T14:00:00.123456789Z",
      "2026-01-02T14:00:00.1234567890Z", "2026-01-02T14:00", "2026-01-02 14:00:00", "+002026-01-02T14:00:00Z",
      "2026-W01-5", "Fri, 02 Jan 2026 14:00:00 GMT", "1767362400", "now", "",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<Jsonish>(1767362400, 1767362400000, -1, 0, 2.5) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, mo, d, h, mi, s]) => {
        const two = (value: number) => String(value).padStart(2, "0");
        return `${String(y).padStart(4, "0")}.${two(mo)}.${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
      }),
  },
);

/** Anything JSON can hold, nested a little. */
const nestedJunk: fc.Arbitrary<Jsonish> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Jsonish>;

/** A value of the wrong kind, or the right kind at a wrong size. */
export const junkValue: fc.Arbitrary<Jsonish> = fc.oneof(
  { weight: 3, arbitrary: oddNumber },
  { weight: 3, arbitrary: oddString },
  { weight: 1, arbitrary: oddTime },
  { weight: 1, arbitrary: fc.constantFrom<Jsonish>(null, true, false, [], {}, [null], [1, 2], { value: 1 }) },
  { weight: 1, arbitrary: nestedJunk },
  { weight: 1, arbitrary: oddNumber.map((value) => toJsonText(value)) },
);

/** Keys a payload does not know: misspellings, prototype names, odd text. */
const extraKey = fc.oneof(
  fc.constantFrom(
    "comission", "Symbol", "symbol ", " symbol", "SYMBOL", "deal-ticket", "dealTicket", "__proto__", "constructor",
    "prototype", "toString", "hasOwnProperty", "", "id", "net_profit", "source", "side", "trade_id", "trades",
    "deal_ticket\u0000", "🚀",
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer({ min: 100, max: 2_000 }).map((count) => "k".repeat(count)),
);

/** Percent-encoding that does not decode: truncated, not hex, not UTF-8, an encoded surrogate. */
const percentJunk = fc.constantFrom(
  "%", "%2", "%zz", "%00", "%FF", "%C3", "%C3%28", "%E0%A4%A", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%25", "%2525",
  "%26", "%3D", "%23", "+", "%0A", "%0D%0A", "%u0041",
);

/** encodeURIComponent, except that a lone surrogate goes out as the bytes of its (invalid) UTF-8 form. */
export function percentEncode(text: string): string {
  return Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    if (character.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(character);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join("");
  }).join("");
}

// ---------------------------------------------------------------------------------------------
// Mutations of an object payload

type Mutation =
  | { kind: "set"; key: string; value: Jsonish }
  | { kind: "remove"; key: string }
  | { kind: "add"; key: string; value: Jsonish }
  | { kind: "repeat"; key: string; value: Jsonish };

function applyMutations(object: JsonObject, mutations: Mutation[]): JsonObject {
  let entries = [...object.entries];
  for (const mutation of mutations) {
    switch (mutation.kind) {
      case "set":
        entries = entries.some(([key]) => key === mutation.key)
          ? entries.map(([key, value]) => [key, key === mutation.key ? mutation.value : value] as const)
          : [...entries, [mutation.key, mutation.value] as const];
        break;
      case "remove":
        entries = entries.filter(([key]) => key !== mutation.key);
        break;
      case "add":
      case "repeat":
        entries = [...entries, [mutation.key, mutation.value] as const];
        break;
    }
  }
  return new JsonObject(entries);
}

/**
 * 1 to 3 mutations over the given keys: a junk or field-specific odd value, a key left out, an
 * unknown key added, or a key written twice.
 */
function mutations(keys: readonly string[], oddValueOf: (key: string) => fc.Arbitrary<Jsonish>): fc.Arbitrary<Mutation[]> {
  const key = fc.constantFrom(...keys);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: key.chain((name) => oddValueOf(name).map((value): Mutation => ({ kind: "set", key: name, value }))) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("set" as const), key, value: junkValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), key }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("add" as const), key: extraKey, value: junkValue }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("repeat" as const), key, value: junkValue }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

// ---------------------------------------------------------------------------------------------
// Trades

/** The keys of the real schemas: a field added there is fuzzed with junk at once. */
export const tradeKeys = Object.keys(createTradeBody.shape) as (keyof typeof createTradeBody.shape)[];

/** Accounts of the fuzzer's own (logins no other e2e spec uses). */
export const fuzzAccounts = [
  { login: 55000001, server: "E2E-Fuzz-A" },
  { login: 55000002, server: "E2E-Fuzz Ünïcode 🚀" },
  { login: 55000003, server: "E2E-Fuzz-C" },
] as const;
const currencies = ["USD", "usd", "EUR", "JPY", "BTC", "Eur"] as const;

/** Deal tickets the fuzzer re-sends (duplicates, enrichments, conflicts), away from other specs' tickets. */
export const pooledTicketBase = 880_000_000;
const pooledTicket = fc.integer({ min: 1, max: 120 }).map((index) => pooledTicketBase + index);

export const fuzzSymbols = ["EURUSD", "XAUUSD", "US30.cash", "GBPJPY", "Ünï", "🚀BTC"] as const;
export const fuzzTags = ["breakout", "news", "revenge trade", "A+", "ümlaut", "🚀"] as const;

const latestSecond = Date.UTC(3000, 0, 1) / 1000 - 1;
const realisticSecond = fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2026, 11, 31) / 1000 });
const anySecond = fc.oneof(
  { weight: 4, arbitrary: realisticSecond },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: latestSecond }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 86_399, 86_400, latestSecond, Date.UTC(2000, 1, 29, 23, 59, 59) / 1000) },
);

type TimeStyle = "mt5" | "mt5-minutes" | "iso" | "iso-z" | "iso-offset" | "iso-fraction" | "iso-space" | "iso-date";
const timeStyle = fc.oneof(
  { weight: 6, arbitrary: fc.constant<TimeStyle>("mt5") },
  {
    weight: 3,
    arbitrary: fc.constantFrom<TimeStyle>("mt5-minutes", "iso", "iso-z", "iso-offset", "iso-fraction", "iso-space", "iso-date"),
  },
);
const utcOffset = fc.oneof(fc.constantFrom(0, 120, 180, -300, 330, 840, -840), fc.integer({ min: -840, max: 840 }));

/** A valid broker time in one of the accepted formats; offsets only for the styles that carry one. */
export function formatTime(seconds: number, style: TimeStyle, offsetMinutes: number): string {
  const iso = formatBrokerTime(seconds);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const two = (value: number) => String(value).padStart(2, "0");
  const offset = `${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  switch (style) {
    case "mt5":
      return iso.replace("T", " ").replaceAll("-", ".");
    case "mt5-minutes":
      return iso.slice(0, 16).replace("T", " ").replaceAll("-", ".");
    case "iso":
      return iso;
    case "iso-z":
      return `${iso}Z`;
    case "iso-offset":
      return `${iso}${offset}`;
    case "iso-fraction":
      return `${iso}.${String(seconds % 1000).padStart(3, "0")}`;
    case "iso-space":
      return iso.replace("T", " ");
    case "iso-date":
      return iso.slice(0, 10);
  }
}

const offsetOfStyle = (style: TimeStyle, offset: number) => (style === "iso-offset" ? offset : style === "iso-z" ? 0 : null);

const positiveTicket = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1_000_000, max: 99_999_999 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, Number.MAX_SAFE_INTEGER) },
);
const money = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -500_000, max: 500_000 }).map((cents) => cents / 100) },
  { weight: 1, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e12, -1e12, 0.1, 0.2, -0.3, 1e-8, 5e-9) },
);
const price = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5_000_000 }).map((points) => points / 1000) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e9, 1e-9, 5e-324) },
);
const lotSize = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100) },
  { weight: 1, arbitrary: fc.constantFrom(1e6, 5e-324, 0.001, 999_999.99) },
);
const symbol = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...fuzzSymbols) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 64 }).filter((text) => text.trim() !== "") },
  { weight: 1, arbitrary: fc.constantFrom(" EURUSD ", "eurusd", "x".repeat(64), "🚀".repeat(16), "__proto__", "constructor", "toString") },
);
const comment = fc.oneof(
  fc.constantFrom("", "tp hit", "so: 45.2%/50.0%/120.00", "[sl 1.08345]"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);

/** A valid trade: most often a deterministic one of a small pool (so re-sends meet), else a fresh one. */
export const validTrade: fc.Arbitrary<JsonObject> = fc
  .record({
    pooled: fc.constantFrom(true, true, false),
    pooledTicket,
    freshTicket: positiveTicket.map((ticket) => ticket + 1_000_000_000_000),
    legacy: fc.boolean(),
    symbol,
    orderTicket: fc.option(positiveTicket, { nil: null }),
    positionTicket: fc.option(positiveTicket, { nil: null }),
    positionType: fc.constantFrom(...positionTypes),
    positionReason: fc.option(fc.constantFrom(...positionReasons), { nil: null }),
    lotSize,
    entryPrice: price,
    stopLoss: price,
    takeProfit: price,
    profit: money,
    close: anySecond,
    duration: fc.oneof(fc.integer({ min: 0, max: 86_400 * 3 }), fc.constant(-1)),
    style: timeStyle,
    offset: utcOffset,
    sendOffset: fc.boolean(),
    magicNumber: fc.option(fc.oneof(fc.constantFrom(0, 12345, 2002), positiveTicket), { nil: null }),
    extended: fc.subarray(
      ["exit_price", "initial_stop_loss", "initial_take_profit", "commission", "entry_commission", "swap", "fee", "comment", "account"] as const,
    ),
    exitPrice: price,
    initialStopLoss: price,
    initialTakeProfit: price,
    commission: money.map((value) => -Math.abs(value)),
    entryCommission: money.map((value) => -Math.abs(value)),
    swap: money,
    fee: money,
    comment,
    account: fc.constantFrom(...fuzzAccounts),
    currency: fc.option(fc.constantFrom(...currencies), { nil: null }),
  })
  .map((draw) => {
    // A pooled trade's values follow from its ticket, so sending it again is a duplicate or an enrichment.
    const ticket = draw.pooled ? draw.pooledTicket : draw.freshTicket;
    const pooled = draw.pooled ? ticket - pooledTicketBase : null;
    const close = pooled === null ? draw.close : Date.UTC(2025, 0, 1) / 1000 + pooled * 7_919 * 13;
    const open = draw.duration < 0 ? null : Math.max(0, close - draw.duration);
    const style = pooled === null ? draw.style : "mt5";
    const offset = offsetOfStyle(style, draw.offset);
    const entries: [string, Jsonish][] = [
      ["symbol", pooled === null ? draw.symbol : fuzzSymbols[pooled % fuzzSymbols.length]!],
      ["order_ticket", pooled === null ? draw.orderTicket : ticket + 1],
      ["deal_ticket", ticket],
      ["position_ticket", pooled === null ? draw.positionTicket : ticket + 2],
      ["position_type", pooled === null ? draw.positionType : positionTypes[pooled % 2]!],
      ["position_reason", pooled === null ? draw.positionReason : positionReasons[pooled % positionReasons.length]!],
      ["lot_size", pooled === null ? draw.lotSize : (pooled % 7) / 10 + 0.01],
      ["entry_price", pooled === null ? draw.entryPrice : 1 + pooled / 1000],
      ["stop_loss", pooled === null ? draw.stopLoss : 0],
      ["take_profit", pooled === null ? draw.takeProfit : 1.5 + pooled / 1000],
      ["profit", pooled === null ? draw.profit : ((pooled * 37) % 201) - 100],
      ["open_time", open === null ? "1970.01.01 00:00:00" : formatTime(open, style, offset ?? 0)],
      ["close_time", formatTime(close, style, offset ?? 0)],
      ["magic_number", pooled === null ? draw.magicNumber : pooled % 3],
    ];
    if (draw.legacy) return new JsonObject(entries);
    for (const field of draw.extended) {
      if (field === "account") {
        const account = pooled === null ? draw.account : fuzzAccounts[pooled % fuzzAccounts.length]!;
        entries.push(["account_login", account.login], ["account_server", account.server]);
        if (draw.currency !== null) entries.push(["account_currency", draw.currency]);
      } else if (field === "exit_price") {
        entries.push(["exit_price", pooled === null ? draw.exitPrice : 1.2 + pooled / 1000]);
      } else if (field === "comment") {
        entries.push(["comment", pooled === null ? draw.comment : `pool ${pooled}`]);
      } else if (field === "initial_stop_loss" || field === "initial_take_profit") {
        const drawn = field === "initial_stop_loss" ? draw.initialStopLoss : draw.initialTakeProfit;
        entries.push([field, pooled === null ? drawn : (field === "initial_stop_loss" ? 0.9 : 1.6) + pooled / 1000]);
      } else if (field === "entry_commission") {
        // A part of commission: sent only with it, as the schema requires.
        if (draw.extended.includes("commission")) entries.push([field, pooled === null ? draw.entryCommission : -(pooled % 3) / 8]);
      } else {
        entries.push([field, pooled === null ? draw[field] : -(pooled % 5) / 4]);
      }
    }
    if (draw.sendOffset && offset !== null) entries.push(["utc_offset_minutes", offset]);
    return new JsonObject(entries);
  });

/** Odd values that fit a trade field's kind (a wrong enum case, a ticket past 2^63, an impossible time). */
function oddTradeValue(key: string): fc.Arbitrary<Jsonish> {
  switch (key) {
    case "symbol":
    case "account_server":
    case "comment":
      return oddString;
    case "position_type":
    case "position_reason":
      return fc.oneof(
        fc.constantFrom<Jsonish>("buy", "Buy", "BUY ", " SELL", "LONG", "SELL\u0000", "UNKNOWN\n", "", "MAGIC", 0, 1),
        oddString,
      );
    case "open_time":
    case "close_time":
      return oddTime;
    case "account_currency":
      return fc.constantFrom<Jsonish>("US Dollar", "US", "USDUSDX", "$", "€UR", "usd ", " eur", "US1", "", "ÜSD", 840);
    default:
      return oddNumber;
  }
}

/** A trade payload: valid, or valid with 1 to 3 mutations. */
export const tradeObject: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 4, arbitrary: validTrade },
  {
    weight: 6,
    arbitrary: fc.tuple(validTrade, mutations(tradeKeys, oddTradeValue)).map(([trade, changes]) => applyMutations(trade, changes)),
  },
);

/** The legacy EA's fixture byte for byte with a pooled ticket (numbers as it writes them: 0.10, 40.00). */
const legacyFixtureText = pooledTicket.map((ticket) => legacyPayloadText.replace('"deal_ticket":2001', `"deal_ticket":${ticket + 500}`));

// ---------------------------------------------------------------------------------------------
// Bodies

/** Bodies that are not JSON objects at all: broken, truncated, binary, not UTF-8, deeply nested. */
export const rawBody: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | Uint8Array<ArrayBuffer>>(
      "", "\u0000", "\u0000\u0000\u0000", "\uFEFF", " ", "null", "true", "0", "-0", "1e400", '"trade"', "[]", "[{}]",
      "{}", "{} {}", "{}garbage", "{'symbol':'EURUSD'}", '{"symbol":"EURUSD",}', '{"profit":NaN}',
      '{"profit":Infinity}', '{/* comment */"symbol":"EURUSD"}', '{"symbol":"EUR\u0000USD"}', '{"symbol":"\\ud800"}',
      '{"symbol":"\\u0000"}', '{"a":1}\u0000{"b":2}', "\uFEFF{}\u0000", "symbol=EURUSD&deal_ticket=1",
      "<trade><symbol>EURUSD</symbol></trade>", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
      new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), new Uint8Array([0xc0, 0xaf]),
      new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0x7b, 0x7d, 0x00, 0x00, 0xff]),
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: nestedJunk.map((value) => toJsonText(value)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("[", '{"a":', '{"trades":['), fc.integer({ min: 100, max: 20_000 }))
      .map(([open, depth]) => open.repeat(depth) + "1" + (open === "[" ? "]" : "}").repeat(depth)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(tradeObject, fc.nat())
      .map(([trade, cut]) => {
        const text = toJsonText(trade);
        return text.slice(0, cut % text.length);
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(tradeObject, fc.constantFrom<BufferEncoding>("utf16le", "latin1"))
      .map(([trade, encoding]) => new Uint8Array(Buffer.from(toJsonText(trade).replace('"', '"é'), encoding))),
  },
);

/** Mostly JSON, sometimes what an HTML form, a curl default or a typo sends. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 16, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8", "Application/JSON", "APPLICATION/JSON;CHARSET=UTF-8",
      "application/vnd.api+json", "application/problem+json", " application/json ; charset=utf-8",
      "application/json; charset=latin1", "application/json;;;",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null, "", "text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/octet-stream", "application/jsonl", "application/json-patch", "json", "*/*", ";application/json",
      "application/json, text/plain", "text/html; charset=utf-8",
    ),
  },
);

/** A JSON text as it is, or with what MQL5 and editors add: a trailing NUL (tolerated), a BOM, whitespace. */
const dressedJson = (text: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(text) },
    { weight: 1, arbitrary: fc.constantFrom(`${text}\u0000`, `${text}\u0000\u0000`, `\uFEFF${text}`, ` \n${text}\n `) },
  );

/** A body for a JSON route: the object as text (dressed), a raw junk body, or an over-limit one. */
function jsonBody(object: fc.Arbitrary<Jsonish>, limitBytes: number): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> {
  return fc.oneof(
    { weight: 16, arbitrary: object.chain((value) => dressedJson(toJsonText(value))) },
    { weight: 2, arbitrary: rawBody },
    {
      weight: 1,
      arbitrary: object.map((value) => `{"pad":"${"x".repeat(limitBytes)}","value":${toJsonText(value)}}`),
    },
  );
}

function post(route: FuzzRoute, path: string, body: fc.Arbitrary<string | Uint8Array<ArrayBuffer>>, method: "POST" | "PATCH" = "POST", params: Record<string, string> = {}) {
  return fc.record({ contentType, body }).map(
    ({ contentType, body }): FuzzRequest => ({ method, route, params, path, contentType, body }),
  );
}

/** POST /api/v1/trades: a trade object (valid or mutated), the legacy fixture as text, or raw junk. */
export const tradePost: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 12, arbitrary: post("trades", "/api/v1/trades", jsonBody(tradeObject, 64 * 1024)) },
  {
    weight: 1,
    arbitrary: legacyFixtureText.chain(dressedJson).map(
      (body): FuzzRequest => ({ method: "POST", route: "trades", params: {}, path: "/api/v1/trades", contentType: "application/json", body }),
    ),
  },
  {
    // A valid trade in the wrong wrapping: an array, the batch envelope, a named member.
    weight: 1,
    arbitrary: fc
      .tuple(validTrade, fc.constantFrom<(trade: JsonObject) => Jsonish>((trade) => [trade], (trade) => ({ trades: [trade] }), (trade) => ({ trade })))
      .map(([trade, wrap]): FuzzRequest => ({
        method: "POST",
        route: "trades",
        params: {},
        path: "/api/v1/trades",
        contentType: "application/json",
        body: toJsonText(wrap(trade)),
      })),
  },
);

/**
 * The batch envelope: 1 to 12 trades or junk items (an item twice at times), a mutated envelope,
 * 0 or up to 1,500 copies of one trade, or a bare array.
 */
const batchObject: fc.Arbitrary<Jsonish> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.oneof({ weight: 6, arbitrary: tradeObject }, { weight: 1, arbitrary: junkValue }), { minLength: 1, maxLength: 12 })
      .chain((trades) =>
        // The same item twice: judged against the first within the one transaction.
        fc.nat({ max: trades.length - 1 }).map((index) => (index % 3 === 0 ? [...trades, trades[index]!] : trades)),
      )
      .map((trades) => new JsonObject([["trades", trades]])),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(tradeObject, { maxLength: 3 }), mutations(["trades"], () => junkValue))
      .map(([trades, changes]) => applyMutations(new JsonObject([["trades", trades]]), changes)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(0, 999, 1000, 1001, 1500), validTrade)
      .map(([count, trade]) => new JsonObject([["trades", Array.from({ length: count }, () => trade)]])),
  },
  { weight: 1, arbitrary: fc.array(tradeObject, { maxLength: 3 }) },
);

/** POST /api/v1/trades/batch */
export const batchPost: fc.Arbitrary<FuzzRequest> = post("trades/batch", "/api/v1/trades/batch", jsonBody(batchObject, 2048 * 1024));

// ---------------------------------------------------------------------------------------------
// Trade ids, the journal, balance operations

/**
 * The rows the fuzzer may change or name: trade ids for the journal, account ids for balance
 * operations. In-process the database holds only the fuzzer's own rows, so the first ids do; over
 * HTTP the spec passes the ids of what it stored itself, leaving other specs' rows alone.
 */
export interface FuzzTargets {
  tradeIds: readonly number[];
  accountIds: readonly number[];
}

const defaultTargets: FuzzTargets = {
  tradeIds: Array.from({ length: 400 }, (_, index) => index + 1),
  accountIds: Array.from({ length: 6 }, (_, index) => index + 1),
};

/** A trade id in a path: mostly one of the targets, then junk, zero, negatives, past 2^53. */
const tradeIdIn = (ids: readonly number[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids).map(String) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "0", "-1", "01", "1.5", "1e3", "0x10", " 1", "1 ", "+1", "１", "9007199254740991", "9007199254740993",
        "9999999999999999", "10000000000000000", "99999999999999999999", "18446744073709551616", "NaN", "Infinity",
        "null", "abc", "🚀", "%", "%00", "1\u0000", "1/2", "a b", "?", "#",
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).filter((text) => text !== "." && text !== "..") },
  );

/**
 * The id's path segment, percent-encoded, and sometimes followed by encoding that does not decode
 * ("7%E0%A4%A"): the handler then gets the segment as it came (Next.js cannot decode it either).
 */
const tradeIdSegment = (ids: readonly number[]): fc.Arbitrary<{ id: string; segment: string }> =>
  fc.tuple(tradeIdIn(ids), fc.option(percentJunk, { nil: null, freq: 8 })).map(([id, junk]) =>
    junk === null ? { id, segment: percentEncode(id) } : { id: percentEncode(id) + junk, segment: percentEncode(id) + junk },
  );

/** GET /api/v1/trades/{id} */
export const tradeGetOn = (targets: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  tradeIdSegment(targets.tradeIds).map(
    ({ id, segment }): FuzzRequest => ({ method: "GET", route: "trades/[id]", params: { id }, path: `/api/v1/trades/${segment}` }),
  );

const journalKeys = Object.keys(updateTradeJournalBody.shape);
const tagValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Jsonish>(...fuzzTags) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Jsonish>(" breakout ", "a,b", "tab\there", "x".repeat(40), "x".repeat(41), "", " ", "\u0000", "\u0085", "🚀".repeat(20)),
  },
  { weight: 1, arbitrary: junkValue },
);
const validJournal: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      note: fc.oneof(fc.constant(null), fc.constantFrom("", "  ", "Entered late."), fc.string({ unit: "grapheme", maxLength: 200 })),
      tags: fc.array(fc.constantFrom(...fuzzTags), { maxLength: 6 }),
    },
    { requiredKeys: [] },
  )
  .map((journal) => new JsonObject(Object.entries(journal) as [string, Jsonish][]));

function oddJournalValue(key: string): fc.Arbitrary<Jsonish> {
  if (key === "tags") {
    return fc.oneof(
      fc.array(tagValue, { maxLength: 25 }),
      fc.constantFrom<Jsonish>("breakout", "a,b", null, {}, Array.from({ length: 21 }, (_, index) => `t${index}`)),
    );
  }
  return fc.oneof(oddString, fc.integer({ min: 9_990, max: 10_010 }).map((length) => "n".repeat(length)));
}

const journalObject: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 3, arbitrary: validJournal },
  {
    weight: 4,
    arbitrary: fc.tuple(validJournal, mutations(journalKeys, oddJournalValue)).map(([journal, changes]) => applyMutations(journal, changes)),
  },
);

/** PATCH /api/v1/trades/{id}: the journal (note, tags) on a target or junk id. */
export const journalPatchOn = (targets: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(tradeIdSegment(targets.tradeIds), fc.record({ contentType, body: jsonBody(journalObject, 64 * 1024) }))
    .map(
      ([{ id, segment }, { contentType, body }]): FuzzRequest => ({
        method: "PATCH",
        route: "trades/[id]",
        params: { id },
        path: `/api/v1/trades/${segment}`,
        contentType,
        body,
      }),
    );

const balanceKeys = Object.keys(createBalanceOperationBody.shape);

/** Balance operation tickets the fuzzer re-sends (duplicates, a comment filled in, conflicts). */
const pooledOperation = fc.integer({ min: 1, max: 30 });

const validBalanceOperation = (accountIds: readonly number[]): fc.Arbitrary<JsonObject> => fc
  .record({
    pooled: fc.option(pooledOperation, { nil: null, freq: 2 }),
    byId: fc.boolean(),
    accountId: fc.constantFrom(...accountIds),
    account: fc.constantFrom(...fuzzAccounts),
    currency: fc.option(fc.constantFrom(...currencies), { nil: null }),
    type: fc.constantFrom(...balanceOperationTypes),
    amount: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100), fc.constantFrom(1e12, 5e-324, 0.01)),
    negativeCredit: fc.boolean(),
    time: fc.tuple(anySecond, timeStyle, utcOffset).map(([seconds, style, offset]) => formatTime(seconds, style, offset)),
    ticket: fc.option(positiveTicket, { nil: null }),
    comment: fc.option(comment, { nil: null }),
  })
  .map((draw) => {
    // A pooled operation's values follow from its ticket, in one of the fuzzer's accounts.
    const pooled = draw.pooled;
    const type = pooled === null ? draw.type : balanceOperationTypes[pooled % balanceOperationTypes.length]!;
    const amount = pooled === null ? draw.amount : pooled * 100 + 0.5;
    const eitherSign = type === "credit" || type === "adjustment";
    const sign = type === "withdrawal" || (eitherSign && draw.negativeCredit && pooled === null) ? -1 : 1;
    const account = pooled === null ? draw.account : fuzzAccounts[pooled % fuzzAccounts.length]!;
    const entries: [string, Jsonish][] =
      draw.byId && pooled === null
        ? [["account_id", draw.accountId]]
        : [
            ["account_login", account.login],
            ["account_server", account.server],
          ];
    if (!draw.byId && draw.currency !== null) entries.push(["account_currency", draw.currency]);
    entries.push(
      ["type", type],
      ["amount", sign * amount],
      ["time", pooled === null ? draw.time : formatTime(Date.UTC(2025, 0, pooled) / 1000, "mt5", 0)],
    );
    const ticket = pooled === null ? draw.ticket : pooledTicketBase + pooled;
    if (ticket !== null) entries.push(["ticket", ticket]);
    if (draw.comment !== null) entries.push(["comment", pooled === null ? draw.comment : `deposit ${pooled}`]);
    return new JsonObject(entries);
  });

function oddBalanceValue(key: string): fc.Arbitrary<Jsonish> {
  switch (key) {
    case "time":
      return oddTime;
    case "type":
      return fc.constantFrom<Jsonish>("Deposit", "DEPOSIT", "deposit ", "bonus", "correction", "", 0);
    case "account_server":
    case "comment":
      return oddString;
    default:
      return oddTradeValue(key);
  }
}

const balanceObject = (accountIds: readonly number[]): fc.Arbitrary<JsonObject> => fc.oneof(
  { weight: 3, arbitrary: validBalanceOperation(accountIds) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(validBalanceOperation(accountIds), mutations(balanceKeys, oddBalanceValue))
      .map(([operation, changes]) => applyMutations(operation, changes)),
  },
);

/** POST /api/v1/balance-operations, naming a target account by id or one of the fuzzer's by login. */
export const balanceOperationPostOn = (targets: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  post("balance-operations", "/api/v1/balance-operations", jsonBody(balanceObject(targets.accountIds), 16 * 1024));

// ---------------------------------------------------------------------------------------------
// Query strings

/** The GET endpoints with query strings and the parameter names their schemas know. */
export const queryEndpoints: { route: FuzzRoute; path: string; keys: string[] }[] = [
  { route: "trades", path: "/api/v1/trades", keys: Object.keys(listTradesQuery.shape) },
  { route: "trades.csv", path: "/api/v1/trades.csv", keys: Object.keys(exportTradesQuery.shape) },
  { route: "analytics/summary", path: "/api/v1/analytics/summary", keys: Object.keys(tradeFiltersQuery.shape) },
  { route: "analytics/equity", path: "/api/v1/analytics/equity", keys: Object.keys(equityQuery.shape) },
  { route: "analytics/daily", path: "/api/v1/analytics/daily", keys: Object.keys(dailyQuery.shape) },
  { route: "analytics/breakdown", path: "/api/v1/analytics/breakdown", keys: Object.keys(breakdownQuery.shape) },
  { route: "analytics/distribution", path: "/api/v1/analytics/distribution", keys: Object.keys(distributionQuery.shape) },
  { route: "balance-operations", path: "/api/v1/balance-operations", keys: Object.keys(listBalanceOperationsQuery.shape) },
  { route: "tags", path: "/api/v1/tags", keys: [] },
  { route: "accounts", path: "/api/v1/accounts", keys: [] },
  { route: "strategies", path: "/api/v1/strategies", keys: [] },
];
const allQueryKeys = [...new Set(queryEndpoints.flatMap((endpoint) => endpoint.keys))];

const wholeNumberText = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "-1", "1.5", "1e3", "0x10", " 1", "+1", "", "abc", "１", "9007199254740991", "9007199254740993",
      "9999999999999999", "99999999999999999", "18446744073709551616", "0000000000000001", "00000000000000001",
    ),
  },
);
const timeText = fc.oneof(
  fc.tuple(anySecond, timeStyle, utcOffset).map(([seconds, style, offset]) => formatTime(seconds, style, offset)),
  oddTime.map((value) => (typeof value === "string" ? value : toJsonText(value))),
);
const enumText = (values: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...values).map((value) => value.toLowerCase()) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "ALL", "*", "null", "BUY,SELL") },
  );
const sortValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...sortFields).chain((field) => fc.constantFrom(field, `-${field}`)) },
  { weight: 1, arbitrary: fc.constantFrom("", "-", "--close_time", "+close_time", "price", "close_time,-profit", "CLOSE_TIME", "id") },
);
const numberText = (values: string[]) =>
  fc.oneof(fc.constantFrom(...values), fc.integer({ min: -5, max: 20_000 }).map(String), fc.constantFrom("", "abc", "1.5", "1e2", "Infinity", "NaN", " 5", "0x10"));

// Cursors are refused past 2,000 characters: keep forged ones shorter, so their content is judged.
const shortOddString = oddString.filter((text) => text.length <= 200);

const cursorValue: fc.Arbitrary<Jsonish> = fc.oneof(
  fc.integer(),
  fc.double(),
  oddNumber,
  shortOddString,
  fc.constantFrom<Jsonish>(null, true, [], {}, [1], Number.MAX_SAFE_INTEGER),
  anySecond,
);

/** sort + a cursor carrying the right fingerprint for it, with junk direction or keyset values. */
const forgedCursor: fc.Arbitrary<[string, string][]> = fc
  .record({
    sort: fc.option(fc.constantFrom(...sortFields).chain((field) => fc.constantFrom(field, `-${field}`)), { nil: null }),
    direction: fc.constantFrom<Jsonish>("n", "p", "n", "p", "x", null, 1),
    values: fc.array(cursorValue, { maxLength: 6 }),
    fitLength: fc.boolean(),
  })
  .map(({ sort, direction, values, fitLength }) => {
    const order = sort ?? "-close_time";
    const keyCount = order.replace(/^-/, "") === "close_time" ? 3 : 4;
    const keys = fitLength ? Array.from({ length: keyCount }, (_, index) => values[index] ?? 0) : values;
    const payload = new JsonObject([
      ["f", cursorFingerprint({ sort: order })],
      ["d", direction],
      ["k", keys],
    ]);
    const cursor = Buffer.from(toJsonText(payload)).toString("base64url");
    return sort === null ? [["cursor", cursor]] : [["sort", sort], ["cursor", cursor]];
  });

const cursorText = fc.oneof(
  fc.constantFrom("", "garbage", "null", "e30", "W10", "eyJmIjoxfQ", "=", "%%%", "x".repeat(2001)),
  fc.base64String({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
  shortOddString,
);

/** Plausible and junk values for each known parameter name; anything else gets junk. */
const paramValues: Record<string, fc.Arbitrary<string>> = {
  symbol: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fuzzSymbols) }, { weight: 1, arbitrary: oddString }),
  magic_number: wholeNumberText,
  position_type: enumText(positionTypes),
  side: enumText(sides),
  position_reason: enumText(positionReasons),
  outcome: enumText(outcomes),
  account_id: wholeNumberText,
  deal_ticket: fc.oneof(wholeNumberText, pooledTicket.map(String)),
  position_ticket: wholeNumberText,
  order_ticket: wholeNumberText,
  tag: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fuzzTags) }, { weight: 1, arbitrary: oddString }),
  from: timeText,
  to: timeText,
  sort: sortValue,
  limit: numberText(["1", "2", "50", "500", "501", "0"]),
  cursor: cursorText,
  period: enumText(periods),
  points: numberText(["2", "3", "1000", "10000", "10001", "1"]),
  by: enumText(breakdownDimensions),
  buckets: numberText(["2", "20", "200", "201", "1"]),
  edges: fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.constantFrom("-100", "0", "100", "1e3", "abc", "-0", "0.5", "1000000000000", "1000000000001", "-1000000000000", "", "1.", "..1"),
  ),
};

// Own properties only: "constructor" or "toString" as a parameter name must get junk, not Object's.
const valuesOf = (key: string) => (Object.hasOwn(paramValues, key) ? paramValues[key]! : oddString);

type Encoding = "component" | "form" | "raw" | "junk";
const encoding = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Encoding>("component") },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>("form", "raw") },
  { weight: 1, arbitrary: fc.constant<Encoding>("junk") },
);

function encodePart(text: string, how: Encoding, junk: string): string {
  switch (how) {
    case "component":
      return percentEncode(text);
    case "form":
      return new URLSearchParams([["", text]]).toString().slice(1);
    // Raw text with the characters that would end the URL part escaped (they make other junk).
    case "raw":
      return text.replace(/[#&=%?/\\\u0000-\u0020]/g, (character) => encodeURIComponent(character));
    case "junk":
      return percentEncode(text) + junk;
  }
}

const queryPair = (keys: string[]) =>
  fc
    .record({
      key: fc.oneof(
        { weight: keys.length > 0 ? 10 : 0, arbitrary: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant("x") },
        { weight: 2, arbitrary: fc.constantFrom(...allQueryKeys) },
        { weight: 1, arbitrary: fc.oneof(extraKey, fc.constantFrom("symbols", "Symbol", "limit[]", "symbol[0]", "page", "offset")) },
      ),
      how: encoding,
      junk: percentJunk,
      bare: fc.integer({ min: 0, max: 30 }).map((value) => value === 0),
    })
    .chain(({ key, how, junk, bare }) =>
      valuesOf(key).map((value) => {
        const name = encodePart(key, how === "junk" ? "component" : how, junk);
        return bare ? name : `${name}=${encodePart(value, how, junk)}`;
      }),
    );

const separator = fc.oneof({ weight: 20, arbitrary: fc.constant("&") }, { weight: 1, arbitrary: fc.constantFrom("&&", ";", "&amp;", "&=&") });

function queryString(keys: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      pairs: fc.array(queryPair(keys), { maxLength: 6 }),
      repeated: fc.option(
        fc.tuple(fc.constantFrom(...(keys.length > 0 ? keys : allQueryKeys)), fc.integer({ min: 2, max: 8 })),
        { nil: null, freq: 4 },
      ),
      separator,
      prefix: fc.constantFrom("?", "?", "?", "?", "?&", "??"),
    })
    .chain(({ pairs, repeated, separator, prefix }) => {
      // A parameter given several times: repeatable filters take a list, the rest must refuse it.
      const repeats = repeated
        ? fc.array(valuesOf(repeated[0]), { minLength: repeated[1], maxLength: repeated[1] }).map((values) =>
            values.map((value) => `${repeated[0]}=${percentEncode(value)}`),
          )
        : fc.constant([]);
      return repeats.map((extra) => {
        const all = fitted([...pairs, ...extra], maxQueryLength);
        return all.length === 0 ? "" : prefix + all.join(separator);
      });
    });
}

/**
 * Over 16 KiB of request line, Node's HTTP server answers 431 itself, before Next.js and the API:
 * queries stay at 8 KiB (what proxies commonly allow), so the fuzzing reaches the API.
 */
export const maxQueryLength = 8 * 1024;

/** The pairs, in order, that fit in `limit` characters on the wire (a long one is left out, the rest kept). */
function fitted(pairs: string[], limit: number): string[] {
  let length = 0;
  return pairs.filter((pair) => {
    const size = wireLength(pair) + 1;
    if (length + size > limit) return false;
    length += size;
    return true;
  });
}

/** Length once the URL parser has percent-encoded what a "raw" part left as text (🚀 -> %F0%9F%9A%80). */
function wireLength(text: string): number {
  let length = 0;
  for (const character of text) length += character.charCodeAt(0) < 0x80 ? 1 : 3 * Buffer.byteLength(character);
  return length;
}

/** Values each parameter accepts, for queries that pass validation and reach the data. */
const validParamValues: Record<string, fc.Arbitrary<string>> = {
  symbol: fc.constantFrom(...fuzzSymbols),
  magic_number: fc.constantFrom("0", "1", "2", "12345", "2002"),
  position_type: fc.constantFrom(...positionTypes),
  side: fc.constantFrom(...sides),
  position_reason: fc.constantFrom(...positionReasons),
  outcome: fc.constantFrom(...outcomes),
  account_id: fc.integer({ min: 1, max: 8 }).map(String),
  deal_ticket: pooledTicket.map(String),
  position_ticket: pooledTicket.map((ticket) => String(ticket + 2)),
  order_ticket: pooledTicket.map((ticket) => String(ticket + 1)),
  tag: fc.constantFrom(...fuzzTags),
  from: fc.tuple(anySecond, timeStyle, utcOffset).map(([seconds, style, offset]) => formatTime(seconds, style, offset)),
  sort: fc.constantFrom(...sortFields).chain((field) => fc.constantFrom(field, `-${field}`)),
  limit: fc.integer({ min: 1, max: 500 }).map(String),
  period: fc.constantFrom(...periods),
  points: fc.integer({ min: 2, max: 10_000 }).map(String),
  by: fc.constantFrom(...breakdownDimensions),
  buckets: fc.integer({ min: 2, max: 200 }).map(String),
};
validParamValues.to = validParamValues.from!;
const repeatableKeys = new Set(Object.keys(tradeFiltersQuery.shape).filter((key) => key !== "from" && key !== "to"));

/** A query that passes validation: known keys once each (repeatable filters 1-3 times), valid values. */
function validQueryString(endpoint: { route: FuzzRoute; keys: string[] }): fc.Arbitrary<string> {
  const keys = endpoint.keys.filter((key) => Object.hasOwn(validParamValues, key));
  const required = endpoint.route === "analytics/breakdown" ? ["by"] : [];
  const edges = fc
    .uniqueArray(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 2, maxLength: 12 })
    .map((values) => [...values].sort((a, b) => a - b).map((edge) => `edges=${edge}`));
  return fc
    .tuple(
      fc.shuffledSubarray(keys.filter((key) => !required.includes(key)), { maxLength: Math.min(3, keys.length) }),
      endpoint.route === "analytics/distribution" ? fc.option(edges, { nil: null }) : fc.constant(null),
    )
    .chain(([chosen, edgePairs]) =>
      fc
        .tuple(
          ...[...required, ...chosen].map((key) =>
            fc
              .array(validParamValues[key]!, { minLength: 1, maxLength: repeatableKeys.has(key) ? 3 : 1 })
              .map((values) => values.map((value) => `${key}=${percentEncode(value)}`)),
          ),
        )
        .map((groups) => {
          const pairs = [...groups.flat(), ...(edgePairs && !chosen.includes("buckets") ? edgePairs : [])];
          return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
        }),
    );
}

/** GET on a list, export or analytics endpoint with a generated query string. */
export const queryGet: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...queryEndpoints).chain((endpoint) => {
  const cursors =
    endpoint.route === "trades" ? [forgedCursor.map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`)] : [];
  const query = fc.oneof(
    { weight: 5, arbitrary: queryString(endpoint.keys) },
    { weight: 4, arbitrary: validQueryString(endpoint) },
    ...cursors.map((arbitrary) => ({ weight: 2, arbitrary })),
  );
  return query.map((search): FuzzRequest => ({ method: "GET", route: endpoint.route, params: {}, path: endpoint.path + search }));
});

/** Any fuzzed request, weighted towards the query side (which reads what the write side stored). */
export const anyRequestOn = (targets: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    { weight: 5, arbitrary: tradePost },
    { weight: 1, arbitrary: batchPost },
    { weight: 2, arbitrary: journalPatchOn(targets) },
    { weight: 2, arbitrary: balanceOperationPostOn(targets) },
    { weight: 1, arbitrary: tradeGetOn(targets) },
    { weight: 8, arbitrary: queryGet },
  );

export const tradeGet = tradeGetOn(defaultTargets);
export const journalPatch = journalPatchOn(defaultTargets);
export const balanceOperationPost = balanceOperationPostOn(defaultTargets);
export const anyRequest = anyRequestOn(defaultTargets);
