import fs from "node:fs";
import path from "node:path";

// A TypeScript model of the EA's persisted queue, file format included:
//   mql5/Include/TradeJournal/Queue.mqh  CJournalQueue  <->  EaQueue here
// The replay test (lib/ea/ea-model.test.ts) restarts the EA on these files, as a terminal would.

export type RecordKind = "T" | "B";

export interface QueuedRecord {
  /** T = trade, B = balance operation. */
  kind: RecordKind;
  ticket: number;
  /** Close time (trade) or operation time, broker seconds. */
  time: number;
  payload: string;
}

export interface DeadLetter {
  reason: string;
  payload: string;
}

/** CJournalQueue: queue.txt, dead-letter.txt and state.txt in the account's folder. */
export class EaQueue {
  private records: QueuedRecord[] = [];
  private hasState = false;
  private lastAcknowledged = 0;
  private sent = 0;
  private dead = 0;
  private folder = "";

  /** CJournalQueue::Open: commonFiles stands for Terminal/Common/Files. */
  open(commonFiles: string, login: number, server: string): boolean {
    this.folder = path.join(commonFiles, "TradeJournal", `${login}-${safeFolderName(server)}`);
    fs.mkdirSync(this.folder, { recursive: true });
    this.records = [];
    this.loadState();
    this.loadQueue();
    return true;
  }

  count(): number {
    return this.records.length;
  }
  at(index: number): QueuedRecord {
    return this.records[index]!;
  }
  stateExists(): boolean {
    return this.hasState;
  }
  lastAcknowledgedClose(): number {
    return this.lastAcknowledged;
  }
  sentCount(): number {
    return this.sent;
  }
  deadCount(): number {
    return this.dead;
  }

  contains(kind: RecordKind, ticket: number): boolean {
    return this.records.some((record) => record.ticket === ticket && record.kind === kind);
  }

  push(record: QueuedRecord): void {
    this.records.push(record);
  }

  acknowledge(index: number): void {
    const record = this.at(index);
    this.sent++;
    if (record.kind === "T" && record.time > this.lastAcknowledged) this.lastAcknowledged = record.time;
    this.hasState = true;
  }

  deadLetter(index: number, reason: string): void {
    this.dead++;
    const line = `${new Date().toISOString()}\t${reason.replace(/[\t\r\n]/g, " ")}\t${this.at(index).payload}\r\n`;
    fs.appendFileSync(this.file("dead-letter.txt"), line);
  }

  removeFlagged(flags: readonly boolean[]): void {
    this.records = this.records.filter((_, index) => !flags[index]);
  }

  removeFront(): void {
    this.records.shift();
  }

  /** queue.tmp, then a rename over queue.txt: a crash leaves one or the other. */
  save(): void {
    const text = this.records.map((r) => `${r.kind}\t${r.ticket}\t${r.time}\t${r.payload}\r\n`).join("");
    fs.writeFileSync(this.file("queue.tmp"), text);
    fs.renameSync(this.file("queue.tmp"), this.file("queue.txt"));
  }

  saveState(): void {
    const text = `last_acknowledged_close=${this.lastAcknowledged}\r\nsent=${this.sent}\r\ndead_letter=${this.dead}\r\n`;
    fs.writeFileSync(this.file("state.txt"), text);
    this.hasState = true;
  }

  /** What dead-letter.txt holds (for tests and tools). */
  deadLetters(): DeadLetter[] {
    if (!fs.existsSync(this.file("dead-letter.txt"))) return [];
    return lines(fs.readFileSync(this.file("dead-letter.txt"), "utf8")).map((line) => {
      const [, reason = "", payload = ""] = line.split("\t");
      return { reason, payload };
    });
  }

  private file(name: string): string {
    return path.join(this.folder, name);
  }

  private loadQueue(): void {
    if (!fs.existsSync(this.file("queue.txt"))) return;
    for (const line of lines(fs.readFileSync(this.file("queue.txt"), "utf8"))) {
      const parts = line.split("\t");
      if (parts.length !== 4 || parts[3]!.length < 2) continue;
      const [kind, ticket, time, payload] = parts as [RecordKind, string, string, string];
      this.push({ kind, ticket: Number(ticket), time: Number(time), payload });
    }
  }

  private loadState(): void {
    this.hasState = fs.existsSync(this.file("state.txt"));
    if (!this.hasState) return;
    for (const line of lines(fs.readFileSync(this.file("state.txt"), "utf8"))) {
      const [key, value] = line.split("=");
      if (key === "last_acknowledged_close") this.lastAcknowledged = Number(value);
      else if (key === "sent") this.sent = Number(value);
      else if (key === "dead_letter") this.dead = Number(value);
    }
  }
}

/** SafeFolderName(): letters, digits, dot and dash kept, the rest "_". */
export function safeFolderName(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]/g, "_");
}

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trimEnd()).filter((line) => line !== "");
}
