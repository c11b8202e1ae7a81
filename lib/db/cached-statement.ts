import type Database from "better-sqlite3";

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements by SQL text: filter combinations repeat, so each is compiled once. */
export function cached(handle: Database.Database, sql: string): Database.Statement {
  let statements = statementCache.get(handle);
  if (!statements) statementCache.set(handle, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size > 500) statements.clear();
    statement = handle.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
