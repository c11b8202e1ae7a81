// kill -9 of the server in the middle of a stream of batches, three times, each followed by a
// restart on the same database: a 2xx means committed, a batch is one transaction.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createBatchCrashRun, readStoredFromFile } from "@/lib/bench/batch-crash";
import { createApiKeyFor, processesHolding, serverLogErrors, startJournalServer, type JournalServer } from "@/lib/bench/journal-server";

const account = { login: 7_200_001, server: "Crash-Server", currency: "USD" };
// Acknowledged batches before each kill: the first kill lands on a fresh database, the later ones
// on a database that was recovered from a kill.
const killAfter = [4, 7, 3];

test("kill -9 mid batch stream, then restart: every 2xx batch is stored whole, no partial batch, integrity ok", async () => {
  test.setTimeout(600_000);
  const port = test.info().project.metadata.crashPort as number;
  const databaseFile = path.resolve(import.meta.dirname, `../../test-results/reliability-${port}/crash/journal.db`);
  const run = createBatchCrashRun({ account, seed: 7 });
  const log: string[] = [];

  // With an API key, as a real journal runs; the restarts keep the database and so the key.
  const headers: Record<string, string> = {};
  let server: JournalServer = await startJournalServer({
    port,
    databaseFile,
    headers,
    beforeStart: (file) => {
      headers.authorization = `Bearer ${createApiKeyFor(file, "crash test")}`;
    },
  });
  try {
    for (const [round, count] of killAfter.entries()) {
      // The server (next-server, a grandchild) holds the file now; after kill() nothing may (Linux).
      if (process.platform === "linux") expect(processesHolding(databaseFile)).not.toEqual([]);
      const streamed = await run.streamUntilKilled(server, { streams: 2, killAfter: count });
      // The kill went out while a batch request was still unanswered.
      expect(streamed.inFlightAtKill, `round ${round + 1}`).toBeGreaterThan(0);
      expect(streamed.acknowledged).toBeGreaterThanOrEqual(count);
      // Everything up to the kill was served without an error.
      expect(serverLogErrors(server.logFile), `server log ${server.logFile}`).toEqual([]);

      // Down: the file as the killed server left it, read-only so the restart recovers it itself.
      if (process.platform === "linux") expect(processesHolding(databaseFile)).toEqual([]);
      const onDisk = readStoredFromFile(databaseFile, account);
      expect(onDisk.integrity).toBe("ok");
      const fileCheck = run.checkStored(onDisk.stored);
      expect(fileCheck.problems, `round ${round + 1}, the file after kill -9`).toEqual([]);

      server = await startJournalServer({ port, databaseFile, keepDatabase: true, headers });
      const overApi = await run.readStoredOverApi(server);
      expect(overApi.countMismatches).toEqual([]);
      const apiCheck = run.checkStored(overApi.stored);
      expect(apiCheck.problems, `round ${round + 1}, over the API after the restart`).toEqual([]);
      expect(apiCheck.stored).toBe(fileCheck.stored);

      // The EA sends again what got no answer: whole batches are duplicates, absent ones are created.
      const resent = await run.resendUnanswered(server);
      expect(resent.created + resent.duplicate).toBe(streamed.unanswered);
      expect(resent.duplicate).toBe(fileCheck.unansweredWhole);
      log.push(
        `round ${round + 1}: ${streamed.acknowledged} batches acknowledged, ${streamed.unanswered} unanswered ` +
          `(${fileCheck.unansweredWhole} stored whole, ${fileCheck.unansweredAbsent} absent), ` +
          `${streamed.inFlightAtKill} in flight at the kill, ${apiCheck.stored} trades stored`,
      );
    }

    // After three kills every batch is acknowledged and stored whole, and the analytics agree.
    const final = await run.readStoredOverApi(server);
    expect(final.countMismatches).toEqual([]);
    const finalCheck = run.checkStored(final.stored);
    expect(finalCheck.problems).toEqual([]);
    expect(run.batches.every((batch) => batch.state === "acknowledged")).toBe(true);
    expect(finalCheck.stored).toBe(run.batches.length * 200);
    expect(serverLogErrors(server.logFile)).toEqual([]);
    await server.stop();

    const closed = readStoredFromFile(databaseFile, account);
    expect(closed.integrity).toBe("ok");
    expect(closed.stored.size).toBe(run.batches.length * 200);
    console.log(log.join("\n"));
    await test.info().attach("rounds", { body: log.join("\n"), contentType: "text/plain" });
  } finally {
    await server.stop();
  }
});
