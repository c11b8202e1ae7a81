import { scopedAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { listTags } from "@/lib/trades/list-tags";

// GET /api/v1/tags - every tag in use with its number of trades (the tag filter's values)
export const GET = route("read", (_request, _params, principal) => {
  const tags = listTags(scopedAccount(principal)?.id ?? null);
  return Response.json({
    data: tags,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: tags.length },
  });
});
