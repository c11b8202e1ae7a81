import { route } from "@/lib/http/route";
import { listStrategies } from "@/lib/strategies/list-strategies";

// GET /api/v1/strategies - every strategy name, per account and magic number
export const GET = route("read", async () => {
  const strategies = await listStrategies();
  return Response.json({
    data: strategies,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: strategies.length },
  });
});
