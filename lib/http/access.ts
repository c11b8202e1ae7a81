/**
 * What a route needs: "public" (index, health, OpenAPI), "read" or "write".
 * The single access policy of the API. For now every request is allowed; API keys (the
 * security issue) will change this function only, not the handlers.
 */
export type Access = "public" | "read" | "write";

export async function authorize(_request: Request, _access: Access): Promise<void> {}
