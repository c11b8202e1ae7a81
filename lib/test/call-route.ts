type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export interface RouteCall {
  method?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON (a string is sent as is). */
  body?: unknown;
}

/** Calls a route handler as Next.js does; answers the status, the headers and the parsed body (null when empty). */
export async function callRoute(handler: unknown, path: string, call: RouteCall = {}) {
  const { method = call.body === undefined ? "GET" : "POST", params = {}, headers = {}, body } = call;
  const request = new Request(`http://journal.test${path}`, {
    method,
    headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await (handler as RouteHandler)(request, { params: Promise.resolve(params as never) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, body: text !== "" && type.includes("json") ? JSON.parse(text) : text || null };
}
