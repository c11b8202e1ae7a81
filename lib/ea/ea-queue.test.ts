import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EaQueue, safeFolderName } from "@/lib/ea/ea-queue";
import { temporaryCommonFiles } from "@/lib/test/ea-harness";

describe("EaQueue (the EA's queue files)", () => {
  it("keeps records, the last acknowledged close and the counters across a restart", () => {
    const common = temporaryCommonFiles();
    const queue = new EaQueue();
    queue.open(common, 5001, "Broker Live #2");
    queue.push({ kind: "B", ticket: 100, time: 1000, payload: '{"type":"deposit"}' });
    queue.push({ kind: "T", ticket: 203, time: 2000, payload: '{"deal_ticket":203,"comment":"a\\tb"}' });
    queue.push({ kind: "T", ticket: 205, time: 3000, payload: '{"deal_ticket":205}' });
    queue.acknowledge(1);
    queue.deadLetter(0, "conflict\t(amount: stored 1, received 2)");
    queue.removeFlagged([true, true, false]);
    queue.save();
    queue.saveState();

    const folder = path.join(common, "TradeJournal", "5001-Broker_Live__2");
    expect(fs.readdirSync(folder).toSorted()).toEqual(["dead-letter.txt", "queue.txt", "state.txt"]);
    const again = new EaQueue();
    again.open(common, 5001, "Broker Live #2");
    expect(again.count()).toBe(1);
    expect(again.at(0)).toEqual({ kind: "T", ticket: 205, time: 3000, payload: '{"deal_ticket":205}' });
    expect(again.stateExists()).toBe(true);
    expect(again.lastAcknowledgedClose()).toBe(2000); // trades only: the balance operation does not move it
    expect([again.sentCount(), again.deadCount()]).toEqual([1, 1]);
    expect(again.deadLetters()).toEqual([{ reason: "conflict (amount: stored 1, received 2)", payload: '{"type":"deposit"}' }]);
    expect(again.contains("T", 205)).toBe(true);
    expect(again.contains("B", 205)).toBe(false);
  });

  it("a first run has no state; each account has its own folder", () => {
    const common = temporaryCommonFiles();
    const one = new EaQueue();
    one.open(common, 1, "S");
    one.push({ kind: "T", ticket: 1, time: 1, payload: "{}" });
    one.save();
    const other = new EaQueue();
    other.open(common, 2, "S");
    expect([other.count(), other.stateExists()]).toEqual([0, false]);
    expect(safeFolderName("ICMarketsSC-Demo 03/ä")).toBe("ICMarketsSC-Demo_03__");
  });
});
