import { route } from "@/lib/http/route";
import { checkHealth } from "@/lib/system/check-health";

// GET /api/v1/health - liveness with a real database read (503 when it cannot be read)
export const GET = route("public", async () => Response.json(await checkHealth()));
