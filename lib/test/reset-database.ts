import { forgetSegments } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";

/** Empties the test database between tests (ids start again at 1). */
export function resetDatabase(): void {
  const handle = sqlite();
  handle.exec("DELETE FROM trades; DELETE FROM accounts; DELETE FROM trade_segments; DELETE FROM segment_groups; DELETE FROM api_keys; DELETE FROM server_settings; DELETE FROM imports; DELETE FROM sqlite_sequence;");
  forgetSegments(handle);
}
