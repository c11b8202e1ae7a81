import { ApiError } from "@/lib/http/api-error";
import { authorize, type Access, type Principal } from "@/lib/http/access";

type Handler<P> = (request: Request, params: P, principal: Principal) => Promise<Response> | Response;

/**
 * Wraps a route handler: the access policy runs first and hands the handler who is asking, and
 * every thrown error becomes the error envelope here, in the one catch of the API.
 */
export function route<P = Record<string, string | string[] | undefined>>(access: Access, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = authorize(request, access);
      return await handler(request, await context.params, principal);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  const apiError = error instanceof ApiError ? error : fromDatabaseError(error);
  if (apiError.status >= 500) console.error(error);
  return Response.json(apiError.toBody(), { status: apiError.status, headers: apiError.headers });
}

// SQLite errors that mean "the database cannot be used right now", not "the request was wrong".
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|NOTADB|CORRUPT|IOERR|READONLY|FULL|PROTOCOL)/;

function fromDatabaseError(error: unknown): ApiError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  if ((typeof code === "string" && unavailableCodes.test(code)) || /no such table/.test(message)) {
    return new ApiError("unavailable", "The database cannot be read or written right now", undefined, {
      "Retry-After": "5",
    });
  }
  return new ApiError("internal_error", "Internal server error");
}
