import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { eaInputs } from "@/lib/ea/ea-inputs";
import { balanceRecordToJson, tradeRecordToJson } from "@/lib/ea/ea-model";
import { buildBalanceRecord } from "@/lib/mt5/balance-from-deal";
import { buildTradeRecord } from "@/lib/mt5/trades-from-deals";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { batchResponse } from "@/lib/schemas/responses";
import { createTradeBatchBody, createTradeBody } from "@/lib/schemas/trade";
import { hedgingDeals } from "@/lib/test/mt5-deals";

// The contract between the EA (mql5/, which cannot be compiled here) and the API: the keys the
// EA's JSON builders write, the types and enum values they can produce, and the answers it reads.

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const tradeRecordMqh = read("mql5/Include/TradeJournal/TradeRecord.mqh");
const journalMqh = read("mql5/Include/TradeJournal/Journal.mqh");
const jsonMqh = read("mql5/Include/TradeJournal/Json.mqh");

/** The body of an MQL5 function or method, from its signature to the closing brace at column 2. */
function functionBody(source: string, signature: string): string {
  const start = source.indexOf(signature);
  if (start < 0) throw new Error(`${signature} not found`);
  const end = source.indexOf(signature.startsWith("class ") ? "\n  };" : "\n  }\n", start);
  return source.slice(start, end);
}

/** What each JsonAdd* writer can put on the wire. "time" is a broker time string. */
const writerTypes: Record<string, ("string" | "integer" | "number" | "null" | "time")[]> = {
  JsonAddString: ["string"],
  JsonAddStringOrNull: ["string", "null"],
  JsonAddInteger: ["integer"],
  JsonAddIntegerOrNull: ["integer", "null"],
  JsonAddNumber: ["number"],
  JsonAddNumberOrNull: ["number", "null"],
  JsonAddPriceOrNull: ["number", "null"],
  JsonAddTime: ["time"],
  JsonAddTimeOrNull: ["time", "null"],
};

/** The keys a builder writes, in order, with the writer of each. */
function writtenKeys(signature: string): { key: string; writer: string }[] {
  const body = functionBody(tradeRecordMqh, signature);
  return [...body.matchAll(/\b(JsonAdd\w+)\(json,\s*"(\w+)"/g)].map(([, writer, key]) => ({ key: key!, writer: writer! }));
}

/** The string literals an MQL5 function returns or assigns (enum values the EA can send). */
function literalsOf(source: string, signature: string): string[] {
  return [...functionBody(source, signature).matchAll(/"([A-Za-z_]+)"/g)].map(([, value]) => value!);
}

const precision = { priceDigits: 5, moneyDigits: 2 };
const account = { login: 5001, server: "Broker-Demo", currency: "USD", moneyDigits: 2, utcOffsetMinutes: 120 };
const sampleTrade = tradeRecordToJson(buildTradeRecord(hedgingDeals, 205, precision)!, account);
const sampleBalance = balanceRecordToJson(buildBalanceRecord(hedgingDeals[0]!)!, account);

/** A value of the given wire type for `key`, starting from the sample payload's own value. */
function valueOfType(sample: Record<string, unknown>, key: string, type: string): unknown {
  if (type === "null") return null;
  if (type === "time") return "2026.03.02 11:30:00";
  const own = sample[key];
  if (type === "string") return typeof own === "string" ? own : "text";
  if (type === "integer") return typeof own === "number" && Number.isInteger(own) ? own : 7;
  return typeof own === "number" ? own + 0.25 : 1.25;
}

/** `enums`: for a key whose strings come from a fixed set, each value as a patch of the sample (with what it needs to go along). */
function checkBuilder(
  signature: string,
  schema: z.ZodType,
  sample: Record<string, unknown>,
  enums: Record<string, Record<string, unknown>[]>,
) {
  const written = writtenKeys(signature);
  expect(written.length).toBeGreaterThan(5);
  for (const { writer } of written) expect(Object.keys(writerTypes)).toContain(writer);
  const keys = written.map((entry) => entry.key);
  expect(new Set(keys).size).toBe(keys.length);

  // The TypeScript model writes the same keys in the same order.
  expect(Object.keys(sample)).toEqual(keys);
  expect(schema.safeParse(sample).success).toBe(true);

  // Every key exists in the schema, and every type the writer can produce is accepted there.
  const jsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  for (const { key, writer } of written) {
    expect(jsonSchema.properties, `the API knows ${key}`).toHaveProperty(key);
    for (const type of writerTypes[writer]!) {
      const patches = type === "string" && enums[key] ? enums[key] : [{ [key]: valueOfType(sample, key, type) }];
      for (const patch of patches) {
        const result = schema.safeParse({ ...sample, ...patch });
        expect(result.success, `${key} as ${type} ${JSON.stringify(patch)}: ${result.error?.message}`).toBe(true);
      }
    }
  }
  // And every key the API requires is sent.
  for (const key of jsonSchema.required ?? []) expect(keys).toContain(key);
}

describe("the EA's payloads against the API's schemas", () => {
  it("a trade record: every key known with a compatible type, every required key sent", () => {
    const sides = [...literalsOf(tradeRecordMqh, "string SideOfOpeningDeal("), ...literalsOf(tradeRecordMqh, "string SideOfExitDeal(")];
    checkBuilder("string TradeRecordToJson(", createTradeBody, sampleTrade, {
      position_type: sides.map((side) => ({ position_type: side })),
      position_reason: literalsOf(tradeRecordMqh, "string DealReasonName(").map((reason) => ({ position_reason: reason })),
    });
  });

  it("a balance record likewise, with every type the EA can give it", () => {
    const types = literalsOf(tradeRecordMqh, "bool BuildBalanceRecord(");
    expect(types).toEqual(["deposit", "withdrawal", "credit", "adjustment"]);
    checkBuilder("string BalanceRecordToJson(", createBalanceOperationBody, sampleBalance, {
      type: types.map((type) => ({ type, amount: type === "withdrawal" ? -500 : 500 })),
    });
  });

  it("the reason names are the API's, one per MT5 deal reason the EA knows", () => {
    const names = literalsOf(tradeRecordMqh, "string DealReasonName(");
    expect(names.toSorted()).toEqual(createTradeBody.shape.position_reason.unwrap().unwrap().options.toSorted());
  });

  it("a batch is {\"trades\": [...]} within the API's size limit", () => {
    expect(functionBody(journalMqh, "void CTradeJournal::SendTradeBatch(")).toContain('string body = "{\\"trades\\":[";');
    expect(createTradeBatchBody.safeParse({ trades: [sampleTrade] }).success).toBe(true);
    const limit = Number(/batch_size > (\d+)/.exec(functionBody(journalMqh, "bool CTradeJournal::Configure("))?.[1]);
    expect(createTradeBatchBody.safeParse({ trades: new Array(limit).fill(sampleTrade) }).success).toBe(true);
    expect(createTradeBatchBody.safeParse({ trades: new Array(limit + 1).fill(sampleTrade) }).success).toBe(false);
  });

  it("the EA handles every per-item status the batch endpoint can answer", () => {
    const handled = literalsOf(journalMqh, "void CTradeJournal::HandleBatchAnswer(").filter((word) => /^[a-z]+$/.test(word));
    const statuses = batchResponse.shape.results.element.shape.status.options;
    for (const status of statuses) expect(handled).toContain(status);
  });
});

describe("the MQL5 code and its TypeScript model point at each other", () => {
  const mqlFiles = ["mql5/Experts/TradeJournal.mq5", ...fs.readdirSync(path.join(root, "mql5/Include/TradeJournal")).map((f) => `mql5/Include/TradeJournal/${f}`)];
  const modelFiles = ["lib/ea/ea-model.ts", "lib/ea/ea-queue.ts", "lib/mt5/trades-from-deals.ts", "lib/mt5/balance-from-deal.ts"];

  it("every file named in a comment exists", () => {
    for (const file of [...mqlFiles, ...modelFiles]) {
      for (const [named] of read(file).matchAll(/\b(?:lib|mql5)\/[\w/.-]+\.(?:ts|mqh|mq5)\b/g)) {
        expect(fs.existsSync(path.join(root, named)), `${file} names ${named}`).toBe(true);
      }
    }
  });

  it("every method of CTradeJournal has its twin in EaModel", () => {
    const declaration = functionBody(journalMqh, "class CTradeJournal");
    const methods = [...declaration.matchAll(/^\s+(?:bool|void|string|int|datetime)\s+(\w+)\(/gm)].map(([, name]) => name!);
    expect(methods.length).toBeGreaterThan(15);
    const model = read("lib/ea/ea-model.ts");
    const notModelled = ["Log", "ShowStatus", "Shutdown"]; // the chart and the Experts log
    for (const method of methods.filter((name) => !notModelled.includes(name))) {
      const twin = method[0]!.toLowerCase() + method.slice(1);
      expect(model, `EaModel.${twin}`).toMatch(new RegExp(`\\b(?:private |async |private async )*${twin}\\(`));
    }
  });

  it("every rule function of TradeRecord.mqh has its twin in lib/mt5", () => {
    const rule = read("lib/mt5/trades-from-deals.ts") + read("lib/mt5/balance-from-deal.ts");
    for (const name of ["BuildTradeRecord", "BuildBalanceRecord", "OpenLeg", "AddToLeg", "TakeEntryShare", "IsExitDeal", "RoundTo"]) {
      expect(tradeRecordMqh + jsonMqh).toMatch(new RegExp(`\\b${name}\\(`));
      expect(rule).toMatch(new RegExp(`function ${name[0]!.toLowerCase()}${name.slice(1)}\\(`));
    }
  });
});

describe("the settings page's list of EA inputs", () => {
  it("names every input of TradeJournal.mq5 with its type and default", () => {
    const declared = [...read("mql5/Experts/TradeJournal.mq5").matchAll(/^input\s+(\w+)\s+(\w+)\s*=\s*("?)(.*?)\3;/gm)].map(
      ([, type, name, , value]) => ({ name, type, value }),
    );
    expect(declared.length).toBe(8);
    expect(eaInputs.map(({ name, type, value }) => ({ name, type, value }))).toEqual(declared);
  });
});
