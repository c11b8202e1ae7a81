import type Database from "better-sqlite3";

/** The account fields a payload may carry (trades, balance operations). */
export interface AccountFields {
  account_login?: number | null;
  account_server?: string | null;
  account_currency?: string | null;
}

export interface ResolvedAccount {
  id: number;
  currency: string | null;
  /** The payload names a currency other than the account's: the caller answers 409. */
  currencyConflict?: { field: "account_currency"; stored: string; received: string };
}

const defaultAccount = { login: 0, server: "", name: "Default account" };

interface AccountStatements {
  find: Database.Statement<[number, string], { id: number; currency: string | null }>;
  findById: Database.Statement<[number], { id: number; currency: string | null }>;
  insert: Database.Statement<unknown[], { id: number; currency: string | null }>;
  setCurrency: Database.Statement;
}

const statementsByHandle = new WeakMap<Database.Database, AccountStatements>();

function prepare(handle: Database.Database): AccountStatements {
  let statements = statementsByHandle.get(handle);
  if (!statements) {
    statements = {
      find: handle.prepare("SELECT id, currency FROM accounts WHERE login = ? AND server = ?"),
      findById: handle.prepare("SELECT id, currency FROM accounts WHERE id = ?"),
      insert: handle.prepare(
        `INSERT INTO accounts (login, server, currency, name, is_default, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id, currency`,
      ),
      setCurrency: handle.prepare("UPDATE accounts SET currency = ? WHERE id = ?"),
    };
    statementsByHandle.set(handle, statements);
  }
  return statements;
}

/**
 * For one write transaction: finds or creates the account a payload names (the default account
 * when it names none) and fills its currency when unknown, telling `onCurrencyFilled` (the
 * account's trades then belong to another currency's analytics streams). Remembers what it found,
 * so a batch looks each account up once. Call it inside the transaction that stores the payload.
 * `intoAccountId` (an account-scoped API key's account) takes the place of the default account for
 * a payload that names none; the caller has checked that it exists and that named accounts match.
 */
export function createAccountResolver(
  handle: Database.Database,
  onCurrencyFilled: (accountId: number, currency: string) => void,
): (fields: AccountFields, intoAccountId?: number | null) => ResolvedAccount {
  const statements = prepare(handle);
  const cache = new Map<string, { id: number; currency: string | null }>();
  return (fields, intoAccountId) => {
    const login = fields.account_login ?? defaultAccount.login;
    const server = fields.account_server ?? defaultAccount.server;
    const byId = fields.account_login == null && intoAccountId != null;
    const key = byId ? `#${intoAccountId}` : `${login}\n${server}`;
    let account = cache.get(key);
    if (!account && byId) {
      account = statements.findById.get(intoAccountId);
      if (!account) throw new Error(`account ${intoAccountId} of an API key does not exist`);
      cache.set(key, account);
    }
    if (!account) {
      const isDefault = fields.account_login == null;
      account =
        statements.find.get(login, server) ??
        statements.insert.get(
          login,
          server,
          fields.account_currency ?? null,
          isDefault ? defaultAccount.name : null,
          isDefault ? 1 : 0,
          new Date().toISOString(),
        )!;
      cache.set(key, account);
    }
    const currency = fields.account_currency;
    if (currency == null || account.currency === currency) return { id: account.id, currency: account.currency };
    if (account.currency === null) {
      statements.setCurrency.run(currency, account.id);
      account.currency = currency;
      onCurrencyFilled(account.id, currency);
      return { id: account.id, currency };
    }
    return {
      id: account.id,
      currency: account.currency,
      currencyConflict: { field: "account_currency", stored: account.currency, received: currency },
    };
  };
}
