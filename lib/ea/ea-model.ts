import { EaQueue } from "@/lib/ea/ea-queue";
import { buildBalanceRecord, isBalanceDeal, type BalanceRecord } from "@/lib/mt5/balance-from-deal";
import { buildTradeRecord, byTimeThenTicket, isExitDeal, type Deal, type TradeFromDeals } from "@/lib/mt5/trades-from-deals";
import { formatMt5Time } from "@/lib/time/broker-time";

// A TypeScript model of the Expert Advisor, method for method:
//   mql5/Include/TradeJournal/Journal.mqh  CTradeJournal  <->  EaModel here
// It exists so that the EA's queue, batching, backoff and backfill rules can be replayed against
// the real API in lib/ea/ea-model.test.ts (MQL5 cannot be compiled or run here). Keep the two in step.

export const queueHighWater = 1000;
export const backfillChunk = 200;
export const checkSeconds = 30;
export const backoffFirst = 5;
export const backoffMax = 300;
export const pendingTries = 30;
const day = 86_400;

/** WebRequest's own errors. */
export const webRequestErrors = { urlNotAllowed: 4014, badUrl: 5200, connect: 5201, timeout: 5202, request: 5203 } as const;

/** What the model needs from the terminal (the MQL5 functions it calls). */
export interface EaTerminal {
  login: number;
  server: string;
  currency: string;
  /** ACCOUNT_CURRENCY_DIGITS */
  moneyDigits: number;
  /** Terminal/Common/Files */
  commonFiles: string;
  /** TERMINAL_CONNECTED */
  connected(): boolean;
  /** TimeTradeServer() */
  tradeServerTime(): number;
  /** TimeLocal(): what the EA schedules with. */
  localTime(): number;
  /** TimeTradeServer() - TimeGMT() in quarter hours */
  utcOffsetMinutes(): number;
  /** The deals the terminal's history holds now (HistorySelect / HistorySelectByPosition read from it). */
  history(): readonly Deal[];
  /** SYMBOL_DIGITS, 8 when unknown */
  symbolDigits(symbol: string): number;
}

/** JournalResponse: status -1 when no answer came, with WebRequest's error code. */
export interface EaResponse {
  status: number;
  error: number;
  body: string;
  headers: Record<string, string>;
}

/** WebRequest: resolves to the answer, or to status -1 with the error code when none came. */
export type EaTransport = (method: "GET" | "POST", url: string, apiKey: string, body: string) => Promise<EaResponse>;

export interface EaSettings {
  serverUrl: string;
  apiKey: string;
  backfillDays: number;
  sendIntervalSeconds: number;
  magicNumbers: string;
  journalManualTrades: boolean;
  batchSize: number;
}

interface EaAccount {
  login: number;
  server: string;
  currency: string;
  moneyDigits: number;
  utcOffsetMinutes: number;
}

/** CTradeJournal */
export class EaModel {
  readonly queue = new EaQueue();
  private url = "";
  private key = "";
  private magics: number[] = [];
  private batchSize = 100;
  private attached = false;
  private account: EaAccount | null = null;
  private pending: { ticket: number; tries: number }[] = [];
  private backfillActive = false;
  private backfillTime = 0;
  private backfillTicket = 0;
  private ready = false;
  private stopped = false;
  private nextCheck = 0;
  private nextSend = 0;
  private backoff = 0;
  private wasConnected = false;
  problem = "";
  lastError = "";
  readonly log: string[] = [];

  constructor(
    private readonly terminal: EaTerminal,
    private readonly transport: EaTransport,
    private readonly settings: EaSettings,
  ) {}

  /** CTradeJournal::Configure (the input checks are the MQL5 side's; the model takes settings as given). */
  configure(): boolean {
    this.url = this.settings.serverUrl.trim().replace(/\/+$/, "");
    this.key = this.settings.apiKey.trim();
    this.magics = this.settings.magicNumbers
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map(Number);
    this.batchSize = this.settings.batchSize;
    return /^https?:\/\//.test(this.url);
  }

  /** OnTradeTransaction -> CTradeJournal::OnDeal: only remembers the ticket. */
  onDeal(ticket: number): void {
    this.pending.push({ ticket, tries: 0 });
  }

  /** OnTimer -> CTradeJournal::OnTimerTick */
  async onTimerTick(): Promise<void> {
    if (!this.attached && !this.attach()) return;
    const connected = this.terminal.connected();
    if (connected && !this.wasConnected) this.startBackfill(this.backfillStart());
    this.wasConnected = connected;
    this.processPendingDeals();
    this.collectBackfill();
    const now = this.terminal.localTime();
    if (!this.ready && !this.stopped && now >= this.nextCheck) {
      this.nextCheck = now + checkSeconds;
      this.ready = await this.runChecks();
    }
    if (this.ready && !this.stopped && this.queue.count() > 0 && now >= this.nextSend) await this.sendNext();
  }

  /** What the chart's status line shows. */
  status() {
    return {
      state: this.stopped ? "stopped" : this.ready ? (this.backoff > 0 ? "retrying" : "sending") : "not connected",
      queued: this.attached ? this.queue.count() : 0,
      sent: this.queue.sentCount(),
      refused: this.queue.deadCount(),
      backfilling: this.backfillActive,
      problem: this.problem,
      lastError: this.lastError,
    };
  }

  private attach(): boolean {
    const { login, server } = this.terminal;
    if (login === 0 || server === "") {
      this.problem = "waiting for the terminal to log in to a trade account";
      return false;
    }
    this.account = {
      login,
      server,
      currency: this.terminal.currency,
      moneyDigits: this.terminal.moneyDigits,
      utcOffsetMinutes: this.terminal.utcOffsetMinutes(),
    };
    this.queue.open(this.terminal.commonFiles, login, server);
    this.attached = true;
    this.problem = "";
    this.startBackfill(this.backfillStart());
    this.wasConnected = this.terminal.connected();
    return true;
  }

  /** The last acknowledged close time minus a day; InpBackfillDays back on the first run. */
  private backfillStart(): number {
    const last = this.queue.lastAcknowledgedClose();
    return last > 0 ? last - day : this.terminal.tradeServerTime() - this.settings.backfillDays * day;
  }

  /** InpMagicNumbers and InpJournalManualTrades, on the opening deal's magic number. */
  private journals(trade: TradeFromDeals): boolean {
    if (trade.magic_number === null) return true;
    if (trade.magic_number === 0) return this.settings.journalManualTrades;
    return this.magics.length === 0 || this.magics.includes(trade.magic_number);
  }

  private enqueueDeal(deal: Deal): boolean {
    const account = this.account!;
    account.utcOffsetMinutes = this.terminal.utcOffsetMinutes();
    if (isExitDeal(deal)) {
      if (this.queue.contains("T", deal.ticket)) return true;
      // LoadPositionDeals + BuildTradeRecord
      const positionDeals = this.terminal.history().filter((d) => d.positionId === deal.positionId);
      const trade = buildTradeRecord(positionDeals, deal.ticket, {
        priceDigits: this.terminal.symbolDigits(deal.symbol),
        moneyDigits: account.moneyDigits,
      });
      if (trade === null) return false;
      if (this.journals(trade)) {
        this.queue.push({ kind: "T", ticket: deal.ticket, time: deal.time, payload: JSON.stringify(tradeRecordToJson(trade, account)) });
      }
      return true;
    }
    const balance = buildBalanceRecord(deal);
    if (balance !== null && !this.queue.contains("B", deal.ticket)) {
      this.queue.push({ kind: "B", ticket: deal.ticket, time: deal.time, payload: JSON.stringify(balanceRecordToJson(balance, account)) });
    }
    return true;
  }

  private processPendingDeals(): void {
    if (this.pending.length === 0) return;
    const waiting: typeof this.pending = [];
    const before = this.queue.count();
    for (const item of this.pending) {
      const deal = this.terminal.history().find((d) => d.ticket === item.ticket);
      if (deal !== undefined && this.enqueueDeal(deal)) continue;
      if (item.tries + 1 >= pendingTries) {
        this.startBackfill(this.terminal.tradeServerTime() - day);
        continue;
      }
      waiting.push({ ticket: item.ticket, tries: item.tries + 1 });
    }
    this.pending = waiting;
    if (this.queue.count() !== before) this.queue.save();
  }

  private startBackfill(from: number): void {
    const start = Math.max(from, 0);
    if (this.backfillActive && this.backfillTime <= start) return;
    this.backfillActive = true;
    this.backfillTime = start;
    this.backfillTicket = 0;
    this.log.push(`backfill from ${formatMt5Time(start)}`);
  }

  private collectBackfill(): void {
    if (!this.backfillActive || this.queue.count() >= queueHighWater) return;
    const end = this.terminal.tradeServerTime() + day;
    const after = this.terminal
      .history()
      .filter((d) => d.time >= this.backfillTime && d.time < end)
      .filter((d) => d.time > this.backfillTime || d.ticket > this.backfillTicket)
      .toSorted(byTimeThenTicket);
    const chunk = after.slice(0, backfillChunk);
    const before = this.queue.count();
    for (const deal of chunk) {
      if (isExitDeal(deal) || isBalanceDeal(deal)) this.enqueueDeal(deal);
      this.backfillTime = deal.time;
      this.backfillTicket = deal.ticket;
    }
    if (this.queue.count() !== before) this.queue.save();
    if (after.length <= chunk.length) this.backfillActive = false;
  }

  private async runChecks(): Promise<boolean> {
    const health = await this.transport("GET", `${this.url}/api/v1/health`, "", "");
    if (health.status === -1) {
      this.problem = webRequestErrorText(health.error, this.url);
      return false;
    }
    if (health.status !== 200) {
      this.problem = `${this.url}/api/v1/health answered HTTP ${health.status}: is InpServerUrl the journal's address?`;
      return false;
    }
    const check = await this.transport("GET", `${this.url}/api/v1/auth/check`, this.key, "");
    if (check.status === -1) {
      this.problem = webRequestErrorText(check.error, this.url);
      return false;
    }
    if (check.status === 401) {
      this.problem =
        this.key === ""
          ? "this journal requires an API key: create a write key in Settings > API keys and paste it into InpApiKey"
          : "the journal does not know this API key: copy it again from Settings > API keys into InpApiKey";
      return false;
    }
    if (check.status === 403) {
      this.problem = "this API key was revoked: create a new write key in Settings > API keys";
      return false;
    }
    const data = check.status === 200 ? (parseJson(check.body) as { data?: { can_write?: boolean } } | null)?.data : undefined;
    if (data?.can_write !== true) {
      this.problem =
        check.status === 200
          ? "this key may not send trades (a read key?): create a write key in Settings > API keys"
          : `${this.url}/api/v1/auth/check answered HTTP ${check.status}`;
      return false;
    }
    this.problem = "";
    return true;
  }

  private async sendNext(): Promise<void> {
    if (this.queue.at(0).kind === "B") await this.sendBalance();
    else await this.sendTradeBatch();
  }

  private async sendTradeBatch(): Promise<void> {
    const payloads: string[] = [];
    while (payloads.length < this.queue.count() && payloads.length < this.batchSize && this.queue.at(payloads.length).kind === "T") {
      payloads.push(this.queue.at(payloads.length).payload);
    }
    const count = payloads.length;
    const response = await this.transport("POST", `${this.url}/api/v1/trades/batch`, this.key, `{"trades":[${payloads.join(",")}]}`);
    if (response.status === -1) {
      if (response.error === webRequestErrors.urlNotAllowed) {
        this.ready = false;
        this.problem = webRequestErrorText(response.error, this.url);
        return;
      }
      this.backOff(webRequestErrorText(response.error, this.url), 0);
      return;
    }
    if (response.status === 200) {
      this.handleBatchAnswer(count, response.body);
      return;
    }
    const summary = `HTTP ${response.status} ${errorSummary(response.body)}`;
    if (response.status === 401 || response.status === 403) {
      this.stop(`the journal refused the key (${summary})`);
      return;
    }
    if ([413, 400, 415, 422].includes(response.status)) {
      if (count > 1) {
        this.batchSize = Math.trunc(count / 2);
        return;
      }
      this.queue.deadLetter(0, summary);
      this.queue.removeFront();
      this.queue.save();
      this.queue.saveState();
      return;
    }
    if (response.status === 429) {
      this.backOff(summary, retryAfterSeconds(response.headers, 1));
      return;
    }
    this.backOff(summary, 0);
  }

  private handleBatchAnswer(count: number, body: string): void {
    const answer = parseJson(body) as { results?: unknown } | null;
    if (!answer || !Array.isArray(answer.results)) {
      this.backOff("the journal's answer could not be read", 0);
      return;
    }
    const done = new Array<boolean>(this.queue.count()).fill(false);
    let handled = 0;
    for (const result of answer.results as { index?: number; status?: string; errors?: { field: string; message: string }[] }[]) {
      const index = typeof result.index === "number" ? result.index : -1;
      if (index < 0 || index >= count || done[index]) continue;
      if (result.status === "created" || result.status === "duplicate" || result.status === "enriched") this.queue.acknowledge(index);
      else if (result.status === "invalid" || result.status === "conflict") {
        this.queue.deadLetter(index, `${result.status}${detailsText(result.errors)}`);
      } else continue;
      done[index] = true;
      handled++;
    }
    this.queue.removeFlagged(done);
    this.queue.save();
    this.queue.saveState();
    if (handled === count) this.succeeded();
    else this.backOff(`the journal answered for ${handled} of ${count} records`, 0);
  }

  private async sendBalance(): Promise<void> {
    const response = await this.transport("POST", `${this.url}/api/v1/balance-operations`, this.key, this.queue.at(0).payload);
    if (response.status === -1) {
      this.backOff(webRequestErrorText(response.error, this.url), 0);
      return;
    }
    const summary = `HTTP ${response.status} ${errorSummary(response.body)}`;
    if (response.status === 401 || response.status === 403) {
      this.stop(`the journal refused the key (${summary})`);
      return;
    }
    if (response.status === 429) {
      this.backOff(summary, retryAfterSeconds(response.headers, 1));
      return;
    }
    const stored = response.status === 200 || response.status === 201;
    const refused = [400, 409, 413, 415, 422].includes(response.status);
    if (!stored && !refused) {
      this.backOff(summary, 0);
      return;
    }
    if (stored) this.queue.acknowledge(0);
    else this.queue.deadLetter(0, summary);
    this.queue.removeFront();
    this.queue.save();
    this.queue.saveState();
    this.succeeded();
  }

  private stop(problem: string): void {
    this.stopped = true;
    this.problem = problem;
  }

  private backOff(error: string, atLeast: number): void {
    this.backoff = this.backoff === 0 ? backoffFirst : Math.min(this.backoff * 2, backoffMax);
    const wait = Math.max(this.backoff, atLeast);
    this.nextSend = this.terminal.localTime() + wait;
    this.lastError = error;
    this.log.push(`${error}; next try in ${wait} s`);
  }

  private succeeded(): void {
    this.backoff = 0;
    const now = this.terminal.localTime();
    this.nextSend = this.queue.count() > 0 ? now : now + this.settings.sendIntervalSeconds;
  }
}

/** TradeRecordToJson(): the keys in the order the EA writes them. */
/** What a record's JSON says of its account; an importer knows no UTC offset unless it is told. */
export type RecordAccount = Pick<EaAccount, "login" | "server" | "currency"> & { utcOffsetMinutes: number | null };

export function tradeRecordToJson(trade: TradeFromDeals, account: RecordAccount) {
  return {
    symbol: trade.symbol,
    order_ticket: trade.order_ticket,
    deal_ticket: trade.deal_ticket,
    position_ticket: trade.position_ticket,
    position_type: trade.position_type,
    position_reason: trade.position_reason,
    lot_size: trade.lot_size,
    entry_price: trade.entry_price,
    exit_price: trade.exit_price,
    stop_loss: trade.stop_loss,
    take_profit: trade.take_profit,
    initial_stop_loss: trade.initial_stop_loss,
    initial_take_profit: trade.initial_take_profit,
    profit: trade.profit,
    commission: trade.commission,
    entry_commission: trade.entry_commission,
    swap: trade.swap,
    fee: trade.fee,
    open_time: trade.open_time === null ? null : formatMt5Time(trade.open_time),
    close_time: formatMt5Time(trade.close_time),
    magic_number: trade.magic_number,
    comment: trade.comment,
    utc_offset_minutes: account.utcOffsetMinutes,
    account_login: account.login,
    account_server: account.server,
    account_currency: account.currency === "" ? null : account.currency,
  };
}

/** BalanceRecordToJson() */
export function balanceRecordToJson(balance: BalanceRecord, account: RecordAccount) {
  return {
    account_login: account.login,
    account_server: account.server,
    account_currency: account.currency === "" ? null : account.currency,
    type: balance.type,
    amount: balance.amount,
    time: formatMt5Time(balance.time),
    ticket: balance.ticket,
    comment: balance.comment,
  };
}

/** WebRequestErrorText() */
export function webRequestErrorText(error: number, origin: string): string {
  switch (error) {
    case webRequestErrors.urlNotAllowed:
      return `WebRequest is not allowed for ${origin}: add it in Tools > Options > Expert Advisors > Allow WebRequest for listed URL`;
    case webRequestErrors.badUrl:
      return `the server URL is not valid: ${origin}`;
    case webRequestErrors.connect:
      return `cannot connect to ${origin} (is the journal running and reachable from this computer?)`;
    case webRequestErrors.timeout:
      return `no answer from ${origin} in time`;
    case webRequestErrors.request:
      return `the request to ${origin} failed`;
    default:
      return `WebRequest error ${error}`;
  }
}

function retryAfterSeconds(headers: Record<string, string>, fallback: number): number {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === "retry-after");
  const seconds = entry ? Math.trunc(Number(entry[1])) : 0;
  return seconds > 0 ? seconds : fallback;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** JsonErrorSummary() */
function errorSummary(body: string): string {
  const envelope = parseJson(body) as { error?: { code?: string; message?: string; details?: { field: string; message: string }[] } } | null;
  if (!envelope?.error) return body.length > 200 ? `${body.slice(0, 200)}...` : body;
  return `${envelope.error.code ?? ""}: ${envelope.error.message ?? ""}${detailsText(envelope.error.details)}`;
}

/** JsonDetailsText() */
function detailsText(details: { field: string; message: string }[] | undefined): string {
  if (!details || details.length === 0) return "";
  return ` (${details.map((detail) => `${detail.field}: ${detail.message}`).join("; ")})`;
}
