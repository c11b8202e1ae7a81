import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GET as getAuthCheck } from "@/app/api/v1/auth/check/route";
import { POST as postBalanceOperation } from "@/app/api/v1/balance-operations/route";
import { GET as getHealth } from "@/app/api/v1/health/route";
import { POST as postBatch } from "@/app/api/v1/trades/batch/route";
import { EaModel, webRequestErrors, type EaResponse, type EaSettings, type EaTerminal, type EaTransport } from "@/lib/ea/ea-model";
import type { Deal } from "@/lib/mt5/trades-from-deals";

// A terminal and a network for the EA model: deals happen, events fire (or not, while the terminal
// is off), the clock ticks, and requests reach the real route handlers unless the server is down.

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

const routes: Record<string, Handler> = {
  "GET /api/v1/health": getHealth as Handler,
  "GET /api/v1/auth/check": getAuthCheck as Handler,
  "POST /api/v1/trades/batch": postBatch as Handler,
  "POST /api/v1/balance-operations": postBalanceOperation as Handler,
};

export const journalUrl = "http://journal.test";

export type Outage = "none" | "refused" | "timeout" | "unavailable" | "url-not-allowed";

/** The journal's server as the EA reaches it. `intercept` may answer instead of it (413, 429 ...). */
export class Network {
  outage: Outage = "none";
  requests: { method: string; path: string; body: string; status: number }[] = [];
  intercept: ((method: string, path: string, body: string) => EaResponse | null) | null = null;

  readonly transport: EaTransport = async (method, url, apiKey, body) => {
    const route = url.slice(journalUrl.length);
    const answer = await this.answer(method, route, apiKey, body);
    this.requests.push({ method, path: route, body, status: answer.status });
    return answer;
  };

  private async answer(method: string, route: string, apiKey: string, body: string): Promise<EaResponse> {
    if (this.outage === "url-not-allowed") return { status: -1, error: webRequestErrors.urlNotAllowed, body: "", headers: {} };
    if (this.outage === "refused") return { status: -1, error: webRequestErrors.connect, body: "", headers: {} };
    if (this.outage === "timeout") return { status: -1, error: webRequestErrors.timeout, body: "", headers: {} };
    if (this.outage === "unavailable") {
      return { status: 503, error: 0, body: '{"error":{"code":"unavailable","message":"Database not readable"}}', headers: {} };
    }
    const intercepted = this.intercept?.(method, route, body) ?? null;
    if (intercepted) return intercepted;
    const handler = routes[`${method} ${route}`];
    if (!handler) throw new Error(`the EA called ${method} ${route}, which the harness does not route`);
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== "") headers["content-type"] = "application/json";
    if (apiKey !== "") headers.authorization = `Bearer ${apiKey}`;
    const response = await handler(new Request(`${journalUrl}${route}`, { method, headers, body: body === "" ? undefined : body }), {
      params: Promise.resolve({} as never),
    });
    return { status: response.status, error: 0, body: await response.text(), headers: Object.fromEntries(response.headers) };
  }
}

/** An MT5 terminal logged in to one account. */
export class Terminal implements EaTerminal {
  readonly deals: Deal[] = [];
  seconds = 0;
  online = true;
  /** Deals the history only shows a few ticks after their transaction event (it happens). */
  historyLag = new Map<number, number>();
  ea: EaModel | null = null;

  constructor(
    readonly login: number,
    readonly server: string,
    readonly commonFiles: string,
    readonly startTime: number,
    readonly currency = "USD",
    readonly moneyDigits = 2,
  ) {}

  connected(): boolean {
    return this.online;
  }
  tradeServerTime(): number {
    return this.startTime + this.seconds;
  }
  localTime(): number {
    return 1_000_000 + this.seconds;
  }
  utcOffsetMinutes(): number {
    return 120;
  }
  history(): readonly Deal[] {
    return this.deals.filter((deal) => (this.historyLag.get(deal.ticket) ?? 0) <= this.seconds);
  }
  symbolDigits(symbol: string): number {
    return symbol.startsWith("XAU") ? 2 : 5;
  }

  /** Starts the EA on this terminal (OnInit); a running one is dropped first, as a crash would. */
  startEa(network: Network, settings: Partial<EaSettings> = {}): EaModel {
    this.ea = new EaModel(this, network.transport, {
      serverUrl: journalUrl,
      apiKey: "",
      backfillDays: 90,
      sendIntervalSeconds: 5,
      magicNumbers: "",
      journalManualTrades: true,
      batchSize: 100,
      ...settings,
    });
    if (!this.ea.configure()) throw new Error("the EA refused its settings");
    return this.ea;
  }

  /** The terminal or the EA goes away (crash, shutdown): whatever was in memory only is lost. */
  stopEa(): void {
    this.ea = null;
  }

  /** A deal happens: into the history, and OnTradeTransaction fires when the EA runs. */
  execute(...deals: Deal[]): void {
    for (const deal of deals) {
      this.deals.push(deal);
      this.ea?.onDeal(deal.ticket);
    }
  }

  /** `seconds` timer ticks of one second. */
  async run(seconds: number): Promise<void> {
    for (let i = 0; i < seconds; i++) {
      this.seconds++;
      await this.ea?.onTimerTick();
    }
  }
}

export function temporaryCommonFiles(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "mt5-common-"));
}
