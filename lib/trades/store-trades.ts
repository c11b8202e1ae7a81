import type Database from "better-sqlite3";
import { createAccountResolver } from "@/lib/accounts/resolve-account";
import { createSegmentWriter, forgetSegments } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { env } from "@/lib/env";
import type { CreateTradeBody } from "@/lib/schemas/trade";
import { reconcileTrade, type FieldDifference, type Reconciliation } from "@/lib/trades/reconcile-trade";
import { selectTradeRecord, tradeColumns, type TradeRecord, type TradeValues } from "@/lib/trades/trade-record";
import { toTradeValues } from "@/lib/trades/trade-values";
import type { Source } from "@/lib/schemas/fields";

export type StoreOutcome =
  | { status: "created"; tradeId: number; trade: TradeRecord }
  | { status: "duplicate"; tradeId: number; kept?: FieldDifference[] }
  | { status: "enriched"; tradeId: number; enriched: string[]; kept?: FieldDifference[] }
  | { status: "conflict"; tradeId: number | null; differences: FieldDifference[] };

const insertedColumns = Object.keys(tradeColumns).filter(
  (property) => property !== "id",
) as (keyof Omit<TradeRecord, "id">)[];

/** Where rows come from when an import stores them: the import, and the source they are stored as. */
export interface ImportOrigin {
  importId: number;
  source: Source;
}

/** A stored row and who has written it. */
type StoredTrade = TradeRecord & { importId: number | null; confirmedByEa: number };

interface Statements {
  handle: Database.Database;
  insertTrade: Database.Statement<Record<string, unknown>, { id: number }>;
  findTrade: Database.Statement<[number, number], StoredTrade>;
}

const statementsByHandle = new WeakMap<Database.Database, Statements>();

function prepare(handle: Database.Database): Statements {
  let statements = statementsByHandle.get(handle);
  if (!statements) {
    statements = {
      handle,
      insertTrade: handle.prepare(
        `INSERT INTO trades (${insertedColumns.map((property) => tradeColumns[property]).join(", ")}, import_id, confirmed_by_ea)
         VALUES (${insertedColumns.map((property) => `@${property}`).join(", ")}, @importId, @confirmedByEa) RETURNING id`,
      ),
      findTrade: handle.prepare(
        `SELECT ${selectTradeRecord}, t.import_id AS "importId", t.confirmed_by_ea AS "confirmedByEa"
           FROM trades t WHERE t.deal_ticket = ? AND t.account_id = ?`,
      ),
    };
    statementsByHandle.set(handle, statements);
  }
  return statements;
}

/**
 * The one writer of trades. Stores validated payloads in a single immediate transaction, in
 * order: each is created, recognised as a duplicate, used to fill empty fields of the stored row,
 * or reported as a conflict. A later item with the same key is judged against the earlier one.
 * When this returns, every created or enriched row is committed. `intoAccounts[i]`, when set, is
 * the account body i goes to if it names none (an account-scoped API key's account).
 * With an `origin` the bodies come from an import: new rows remember it, and a stored row is only
 * filled, never contradicted (differing values come back as `kept`).
 */
export function storeTrades(
  bodies: CreateTradeBody[],
  intoAccounts: readonly (number | null)[] = [],
  origin: ImportOrigin | null = null,
): StoreOutcome[] {
  const handle = sqlite();
  const statements = prepare(handle);
  const { LEGACY_POSITION_TYPE } = env();
  const store = handle.transaction(() => {
    // One commit, one storage time for all its rows.
    const createdAt = new Date().toISOString();
    const segments = createSegmentWriter(handle);
    const resolveAccount = createAccountResolver(handle, (accountId, currency) =>
      segments.refreshAccount(accountId, null, currency),
    );
    const outcomes = bodies.map((body, index) => {
      const account = resolveAccount(body, intoAccounts[index]);
      const values = toTradeValues(body, account.id, LEGACY_POSITION_TYPE, origin?.source);
      if (account.currencyConflict) {
        const stored = statements.findTrade.get(values.dealTicket, account.id);
        return { status: "conflict" as const, tradeId: stored?.id ?? null, differences: [account.currencyConflict] };
      }
      return storeOne(statements, values, segments, account.currency, createdAt, origin);
    });
    segments.flush();
    return { outcomes, segments };
  });
  try {
    const { outcomes, segments } = store.immediate();
    segments.remember();
    return outcomes;
  } catch (error) {
    forgetSegments(handle);
    throw error;
  }
}

// Look up before inserting (rather than INSERT .. ON CONFLICT) so re-sends do not burn AUTOINCREMENT
// ids; the immediate transaction makes the pair atomic against other writers.
type SegmentWriter = ReturnType<typeof createSegmentWriter>;

interface QueuedTrade {
  body: CreateTradeBody;
  intoAccount: number | null;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

let queued: QueuedTrade[] = [];
let lastFlush = 0;
let waitedTurns = 0;

/**
 * Group commit for single posts: trades queued while the event loop turns are stored by one
 * `storeTrades` call, in arrival order, so 16 concurrent posts cost one commit instead of 16. Each
 * promise settles after that commit, so a 2xx still means the row is durable.
 */
export function queueTrade(body: CreateTradeBody, intoAccount: number | null = null): Promise<StoreOutcome> {
  return new Promise((resolve, reject) => {
    queued.push({ body, intoAccount, resolve, reject });
    if (queued.length === 1) setImmediate(flushQueue);
  });
}

// Under load (the previous commit was moments ago) a small group waits up to four more turns of the
// event loop, letting requests whose bodies are still arriving join it; alone, it commits at once.
const busyWithinMs = 5;
const turnsToWait = 4;
const fullGroup = 8;

function flushQueue(): void {
  if (queued.length < fullGroup && waitedTurns < turnsToWait && performance.now() - lastFlush < busyWithinMs) {
    waitedTurns += 1;
    setImmediate(flushQueue);
    return;
  }
  waitedTurns = 0;
  lastFlush = performance.now();
  const group = queued;
  queued = [];
  try {
    const outcomes = storeTrades(
      group.map((item) => item.body),
      group.map((item) => item.intoAccount),
    );
    group.forEach((item, index) => item.resolve(outcomes[index]!));
  } catch (error) {
    // The transaction rolled back as a whole: nothing of the group was stored.
    for (const item of group) item.reject(error);
  }
}

function storeOne(
  statements: Statements,
  values: TradeValues,
  segments: SegmentWriter,
  currency: string | null,
  createdAt: string,
  origin: ImportOrigin | null,
): StoreOutcome {
  const { handle } = statements;
  const stored = statements.findTrade.get(values.dealTicket, values.accountId);
  if (!stored) {
    const provenance = { importId: origin?.importId ?? null, confirmedByEa: origin ? 0 : 1 };
    const inserted = statements.insertTrade.get({ ...values, ...provenance, createdAt })!;
    const trade = { ...values, id: inserted.id, createdAt };
    segments.add({ ...trade, currency });
    return { status: "created", tradeId: inserted.id, trade };
  }
  const onlyImported = stored.importId !== null && !stored.confirmedByEa;
  const verdict = reconcileTrade(stored, values, origin ? "stored" : onlyImported ? "incoming" : "conflict");
  if (verdict.status === "conflict") return { status: "conflict", tradeId: stored.id, differences: verdict.differences };
  // An EA has now sent the row: undoing its import keeps it.
  if (!origin && onlyImported) cached(handle, "UPDATE trades SET confirmed_by_ea = 1 WHERE id = ?").run(stored.id);
  const kept = verdict.kept ? { kept: verdict.kept } : {};
  if (verdict.status === "duplicate") return { status: "duplicate", tradeId: stored.id, ...kept };
  writeEnrichment(handle, segments, stored, verdict, currency);
  return { status: "enriched", tradeId: stored.id, enriched: verdict.fields, ...kept };
}

const propertyOfColumn = Object.fromEntries(Object.entries(tradeColumns).map(([property, column]) => [column, property]));

/**
 * Writes an enrichment over a stored trade (the filled columns and the derived ones) and sends its
 * days to the analytics to recompute. Ingestion and account merges both fill trades this way.
 */
export function writeEnrichment(
  handle: Database.Database,
  segments: SegmentWriter,
  stored: TradeRecord,
  verdict: Extract<Reconciliation, { status: "enriched" }>,
  currency: string | null,
): void {
  const columns = [...verdict.fields, "net_profit", "duration_seconds"];
  const assignments = columns.map((column) => `${column} = @${propertyOfColumn[column]}`).join(", ");
  cached(handle, `UPDATE trades SET ${assignments} WHERE id = @id`).run({ ...verdict.values, id: stored.id });
  segments.refresh({ ...stored, currency }, { ...verdict.values, id: stored.id, currency });
}
