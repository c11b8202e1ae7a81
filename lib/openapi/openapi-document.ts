import { z } from "zod";
import { appName, appVersion } from "@/lib/system/app-info";
import {
  accountMergeResource,
  accountResource,
  balanceOperationResource,
  breakdownResource,
  dailyResource,
  distributionResource,
  equityResource,
  batchResponse,
  createTradeResponse,
  errorBody,
  healthResource,
  authCheckResource,
  pageInfo,
  strategyResource,
  summaryResource,
  tradeResource,
} from "@/lib/schemas/responses";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { mergeAccountBody, updateAccountBody } from "@/lib/schemas/account";
import { createBalanceOperationBody, listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";
import { createImportFields, importResource, listImportsQuery, setImportMappingBody } from "@/lib/schemas/import";
import { setStrategyNameBody } from "@/lib/schemas/strategy";
import { createTradeBatchBody, createTradeBody } from "@/lib/schemas/trade";
import {
  breakdownQuery,
  dailyQuery,
  distributionQuery,
  equityQuery,
  exportTradesQuery,
  listTradesQuery,
  tradeFilterShape,
} from "@/lib/schemas/trade-query";

type Schema = Record<string, unknown>;

/** zod -> JSON Schema 2020-12 (what OpenAPI 3.1 uses); requests are described by what they accept. */
function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): Schema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Schema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(ref("Error"), description);

function queryParameters(shape: Record<string, z.ZodType>) {
  return Object.entries(shape).map(([name, schema]) => {
    const described = jsonSchema(schema, "input");
    const repeatable = described.type === "array";
    return {
      name,
      in: "query",
      required: false,
      ...(repeatable ? { style: "form", explode: true, description: "Repeat the parameter to match any of several values" } : {}),
      schema: described,
    };
  });
}

const filterParameters = queryParameters(tradeFilterShape);
const listParameters = queryParameters(listTradesQuery.shape);
const badRequest = {
  "400": error("Body is not valid JSON"),
  "413": error("Body too large"),
  "415": error("Content-Type is not application/json"),
  "422": error("A field is invalid; details name each one"),
};

const idPath = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };

const strategyPath = [
  { name: "account_id", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
  { name: "magic_number", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
];

export const endpoints = {
  "/api/v1": {
    get: {
      summary: "API index: name, version and endpoints",
      responses: { "200": json({ type: "object" }, "Index") },
    },
  },
  "/api/v1/health": {
    get: {
      summary: "Liveness with a real database read",
      responses: { "200": json(ref("Health"), "Running"), "503": error("The database cannot be read") },
    },
  },
  "/api/v1/openapi.json": {
    get: { summary: "This document", responses: { "200": json({ type: "object" }, "OpenAPI 3.1") } },
  },
  "/api/v1/auth/check": {
    get: {
      summary: "Whether the sent API key (or session) works, and what it may do",
      security: [{}, { bearerKey: [] }, { headerKey: [] }, { session: [] }],
      responses: {
        "200": json({ type: "object", properties: { data: ref("AuthCheck") } }, "What the caller may do"),
        "401": error("No key while keys are required, or an unknown key"),
        "403": error("The key was revoked"),
      },
    },
  },
  "/api/v1/trades": {
    get: {
      summary: "List trades: filters, sort, keyset pagination and the total",
      parameters: listParameters,
      responses: {
        "200": json(
          { type: "object", properties: { data: { type: "array", items: ref("Trade") }, page: ref("Page") } },
          "One page",
        ),
        "422": error("Invalid filter, sort, limit or cursor"),
      },
    },
    post: {
      summary: "Store one closed trade (one exit deal)",
      description:
        "Accepts the legacy bridge EA's 14-key payload as is and the extended payload. The same (account, deal_ticket) " +
        "again: 200 duplicate when equal, 200 with `enriched` when it only fills empty fields, 409 when a value differs.",
      requestBody: { required: true, content: { "application/json": { schema: ref("CreateTradeBody") } } },
      responses: {
        "201": json(ref("CreateTradeResponse"), "Created"),
        "200": json(ref("CreateTradeResponse"), "Already stored (duplicate or enriched)"),
        "409": error("Already stored with a different value; details name each field with both values"),
        ...badRequest,
      },
    },
  },
  "/api/v1/trades.csv": {
    get: {
      summary: "Every trade under the list's filters and sort as a CSV download, streamed",
      description:
        "Columns are the fields of Trade in its order, with account_login, account_server and account_currency (the " +
        "account's, empty for the default account) after account_id; values as the JSON gives them: null is an empty cell, empty text a " +
        'quoted empty cell (""), a list its items joined by commas. RFC 4180 with CRLF line ends, after a UTF-8 byte ' +
        "order mark. Text starting with = + - @, a tab, CR, NUL or ' is written with one more ' in front (a spreadsheet then " +
        "reads it as text, not a formula); drop one leading ' from text cells to read the values back.",
      parameters: queryParameters(exportTradesQuery.shape),
      responses: {
        "200": {
          description: "The CSV file (Content-Disposition: attachment; filename=\"trades-yyyymmdd-hhmm.csv\", UTC)",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        "422": error("Invalid filter or sort"),
      },
    },
  },
  "/api/v1/trades/batch": {
    post: {
      summary: "Store up to 1,000 trades in one transaction, with a result per item",
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(createTradeBatchBody, "input") } } },
      responses: { "200": json(ref("BatchResponse"), "A result per item"), ...badRequest },
    },
  },
  "/api/v1/trades/{id}": {
    get: {
      summary: "One trade",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      responses: {
        "200": json({ type: "object", properties: { data: ref("Trade") } }, "The trade"),
        "404": error("No such trade"),
        "422": error("The id is not a positive whole number"),
      },
    },
    patch: {
      summary: "Set the trader's note and/or tags on a trade (the fields the EA sent stay as they are)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(updateTradeJournalBody, "input") } } },
      responses: {
        "200": json({ type: "object", properties: { data: ref("Trade") } }, "The trade with its journal"),
        "404": error("No such trade"),
        ...badRequest,
      },
    },
    delete: {
      summary: "Delete one trade with its note and tags (its analytics days are recomputed)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      responses: {
        "204": { description: "Deleted" },
        "404": error("No such trade"),
        "422": error("The id is not a positive whole number"),
      },
    },
  },
  "/api/v1/tags": {
    get: {
      summary: "Every tag in use with its number of trades",
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              data: { type: "array", items: { type: "object", properties: { tag: { type: "string" }, trades: { type: "integer" } } } },
              page: ref("Page"),
            },
          },
          "Tags by name",
        ),
      },
    },
  },
  "/api/v1/accounts": {
    get: {
      summary: "Accounts with their trade counts",
      responses: {
        "200": json(
          { type: "object", properties: { data: { type: "array", items: ref("Account") }, page: ref("Page") } },
          "All accounts",
        ),
      },
    },
  },
  "/api/v1/accounts/{id}": {
    patch: {
      summary: "Rename an account or set its currency (its trades move to that currency's figures)",
      parameters: [idPath],
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(updateAccountBody, "input") } } },
      responses: {
        "200": json({ type: "object", properties: { data: ref("Account") } }, "The account"),
        "404": error("No such account"),
        ...badRequest,
      },
    },
    delete: {
      summary: "Delete an account with its trades, balance operations and strategy names",
      parameters: [idPath],
      responses: { "204": { description: "Deleted" }, "404": error("No such account") },
    },
  },
  "/api/v1/accounts/{id}/merge": {
    post: {
      summary: "Move every trade, balance operation and strategy name of an account into another, then delete it",
      description:
        "Typically the Default account (the old EA's trades) into the real account. A deal (or balance ticket) the target " +
        "holds already keeps the target's row: its empty fields are filled from the merged one, and a differing value " +
        "keeps the target's row unchanged and is counted as a conflict. The merged account's currency must be unknown " +
        "or the target's (409 otherwise).",
      parameters: [idPath],
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(mergeAccountBody, "input") } } },
      responses: {
        "200": json({ type: "object", properties: { data: ref("AccountMerge") } }, "What was moved"),
        "404": error("No such account"),
        "409": error("The accounts have different currencies"),
        ...badRequest,
      },
    },
  },
  "/api/v1/analytics/summary": {
    get: {
      summary: "The report's figures of the filtered trades, and balance, gain % and drawdown % for whole accounts with balance operations",
      parameters: filterParameters,
      responses: {
        "200": json({ type: "object", properties: { data: ref("Summary") } }, "Summary"),
        "422": error("Invalid filter"),
      },
    },
  },
  "/api/v1/analytics/equity": {
    get: {
      summary: "Cumulative net P&L with drawdown, and the balance where known, in at most `points` points that keep their low and high",
      parameters: queryParameters(equityQuery.shape),
      responses: {
        "200": json({ type: "object", properties: { data: ref("EquitySeries") } }, "The series, per currency"),
        "422": error("Invalid filter or points"),
      },
    },
  },
  "/api/v1/analytics/breakdown": {
    get: {
      summary: "Per symbol, strategy, side, reason, open weekday or hour, or account: trades, win rate, net, profit factor, expectancy, holding time",
      parameters: queryParameters(breakdownQuery.shape),
      responses: {
        "200": json({ type: "object", properties: { data: ref("Breakdown") } }, "The groups, per currency"),
        "422": error("Invalid filter or dimension"),
      },
    },
  },
  "/api/v1/analytics/distribution": {
    get: {
      summary: "Histogram of trade net results, per currency",
      parameters: queryParameters(distributionQuery.shape),
      responses: {
        "200": json({ type: "object", properties: { data: ref("Distribution") } }, "The histogram"),
        "422": error("Invalid filter, buckets or edges"),
      },
    },
  },
  "/api/v1/analytics/daily": {
    get: {
      summary: "Net P&L, trades and win rate per close day, ISO week or month",
      parameters: queryParameters(dailyQuery.shape),
      responses: {
        "200": json({ type: "object", properties: { data: ref("DailySeries") } }, "The series"),
        "422": error("Invalid filter or period"),
      },
    },
  },
  "/api/v1/strategies": {
    get: {
      summary: "Strategy names, per account and magic number",
      responses: {
        "200": json(
          { type: "object", properties: { data: { type: "array", items: ref("Strategy") }, page: ref("Page") } },
          "All names",
        ),
      },
    },
  },
  "/api/v1/strategies/{account_id}/{magic_number}": {
    put: {
      summary: "Name the strategy behind a magic number in one account",
      parameters: strategyPath,
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(setStrategyNameBody, "input") } } },
      responses: {
        "200": json({ type: "object", properties: { data: ref("Strategy") } }, "The name"),
        "404": error("No such account"),
        ...badRequest,
      },
    },
    delete: {
      summary: "Forget a strategy's name",
      parameters: strategyPath,
      responses: { "204": { description: "Forgotten" }, "404": error("No name was set") },
    },
  },
  "/api/v1/balance-operations": {
    get: {
      summary: "Deposits, withdrawals, credits and adjustments in time order",
      parameters: queryParameters(listBalanceOperationsQuery.shape),
      responses: {
        "200": json(
          { type: "object", properties: { data: { type: "array", items: ref("BalanceOperation") }, page: ref("Page") } },
          "All matching operations",
        ),
        "422": error("Invalid filter"),
      },
    },
    post: {
      summary: "Record a deposit, withdrawal, credit or adjustment (idempotent by ticket)",
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(createBalanceOperationBody, "input") } } },
      responses: {
        "201": json({ type: "object", properties: { duplicate: { type: "boolean" }, data: ref("BalanceOperation") } }, "Created"),
        "200": json({ type: "object", properties: { duplicate: { type: "boolean" }, data: ref("BalanceOperation") } }, "Same ticket again"),
        "409": error("Same ticket, different values"),
        ...badRequest,
      },
    },
  },
  "/api/v1/balance-operations/{id}": {
    delete: {
      summary: "Remove a balance operation",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      responses: { "204": { description: "Removed" }, "404": error("No such operation") },
    },
  },
  "/api/v1/imports": {
    get: {
      summary: "The latest imports, newest first",
      parameters: queryParameters(listImportsQuery.shape),
      responses: {
        "200": json({ type: "object", properties: { data: { type: "array", items: ref("Import") }, page: ref("Page") } }, "Imports"),
        "422": error("Invalid limit"),
      },
    },
    post: {
      summary: "Upload an MT5 History report (HTML or XLSX) or a CSV; it is imported in the background",
      description:
        "multipart/form-data, streamed to disk (up to IMPORT_MAX_BYTES). Needs a write key for all accounts, or the web UI's " +
        "session on a same-origin request. Answers 202 with the import; poll GET /api/v1/imports/{id} for progress and the result. " +
        "Importing is idempotent: the same file again adds nothing.",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" }, ...(jsonSchema(createImportFields, "input").properties as Schema) },
            },
          },
        },
      },
      responses: {
        "202": json({ type: "object", properties: { data: ref("Import") } }, "Accepted: the import is queued"),
        "413": error("The file is larger than IMPORT_MAX_BYTES"),
        "415": error("Not multipart/form-data"),
        "422": error("No file, an empty file, a file that is neither an MT5 report nor a CSV, or an invalid field"),
      },
    },
  },
  "/api/v1/imports/{id}": {
    get: {
      summary: "One import: detected format and account, progress, result (counts, rejected rows, reconciliation)",
      parameters: [idPath],
      responses: { "200": json({ type: "object", properties: { data: ref("Import") } }, "The import"), "404": error("No such import") },
    },
    delete: {
      summary: "Undo an import: deletes the trades and balance operations it created, except trades an EA has sent since",
      parameters: [idPath],
      responses: {
        "200": json({ type: "object", properties: { data: ref("Import") } }, "Undone (status undone, result.undo has the counts)"),
        "404": error("No such import"),
        "409": error("Still running, or undone already"),
      },
    },
  },
  "/api/v1/imports/{id}/mapping": {
    post: {
      summary: "Give a CSV import that is not our export its column mapping; the import runs",
      parameters: [idPath],
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(setImportMappingBody, "input") } } },
      responses: {
        "202": json({ type: "object", properties: { data: ref("Import") } }, "Accepted: the import is queued"),
        "404": error("No such import"),
        "409": error("The import does not wait for a mapping"),
        ...badRequest,
      },
    },
  },
} as const;

// Open to anyone: everything else takes a key (or, to read, the web UI's session) once a key exists.
const publicPaths = new Set(["/api/v1", "/api/v1/health", "/api/v1/openapi.json", "/api/v1/auth/check"]);
const accessResponses = {
  "401": error("No API key (once one exists), or an unknown key"),
  "403": error("Revoked key, read-only key for a write, or a key tied to another account"),
  "429": error("Too many requests for this key or address; Retry-After says when to retry"),
};

/** Every operation, with the access answers added to those that need a key. */
function withAccess(paths: typeof endpoints) {
  return Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([verb, operation]) => [
          verb,
          publicPaths.has(path)
            ? { security: [], ...operation }
            : { ...operation, responses: { ...operation.responses, ...accessResponses } },
        ]),
      ),
    ]),
  );
}

/** The OpenAPI 3.1 description of the API, assembled from the same zod schemas that validate it. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: `${appName} API`,
      version: appVersion,
      description:
        "Closed MT5 trades in, journal and analytics out. Times are broker wall-clock times without a zone; " +
        "money is in the account's currency and never added across currencies.",
    },
    paths: withAccess(endpoints),
    security: [{ bearerKey: [] }, { headerKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerKey: { type: "http", scheme: "bearer", description: "An API key: Authorization: Bearer <key>" },
        headerKey: { type: "apiKey", in: "header", name: "X-API-Key" },
        session: { type: "apiKey", in: "cookie", name: "journal_session", description: "The web UI's session (reads only)" },
      },
      schemas: {
        CreateTradeBody: jsonSchema(createTradeBody, "input"),
        CreateTradeResponse: jsonSchema(createTradeResponse),
        BatchResponse: jsonSchema(batchResponse),
        Trade: jsonSchema(tradeResource),
        Page: jsonSchema(pageInfo),
        Account: jsonSchema(accountResource),
        AccountMerge: jsonSchema(accountMergeResource),
        Summary: jsonSchema(summaryResource),
        Strategy: jsonSchema(strategyResource),
        BalanceOperation: jsonSchema(balanceOperationResource),
        Import: jsonSchema(importResource),
        DailySeries: jsonSchema(dailyResource),
        EquitySeries: jsonSchema(equityResource),
        Breakdown: jsonSchema(breakdownResource),
        Distribution: jsonSchema(distributionResource),
        Health: jsonSchema(healthResource),
        AuthCheck: jsonSchema(authCheckResource),
        Error: jsonSchema(errorBody),
      },
    },
  };
}
