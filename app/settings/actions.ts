"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { mergeAccount } from "@/lib/accounts/merge-account";
import { updateAccount } from "@/lib/accounts/update-account";
import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { deleteBalanceOperation } from "@/lib/balance-operations/delete-balance-operation";
import { setStartingBalance as replaceStartingBalance, startingBalanceComment } from "@/lib/balance-operations/starting-balance";
import { ApiError, issueDetails, type ErrorDetail } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { mergeAccountBody, updateAccountBody } from "@/lib/schemas/account";
import { createApiKeyInput } from "@/lib/schemas/api-key";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { idParams } from "@/lib/schemas/fields";
import { setStrategyNameBody, strategyParams } from "@/lib/schemas/strategy";
import { deleteStrategyName } from "@/lib/strategies/delete-strategy-name";
import { setStrategyName } from "@/lib/strategies/set-strategy-name";
import { formatAmount, formatInteger } from "@/lib/ui/format";
import { plural } from "@/lib/ui/plural";

export interface SettingsFormState {
  status: "idle" | "saved" | "invalid";
  message?: string;
  /** The API's message per form field, shown beside the field. */
  fieldErrors?: Record<string, string>;
  /** What was typed, given back so that a refused form keeps it. */
  values?: Record<string, string>;
  /** When it was answered (Date.now()): of two forms on one line, the later speaks. */
  at?: number;
  /** A new API key, shown this once (only its hash is stored). */
  secret?: string;
}

/** Creates an API key; the answer carries the key itself, the only time it is ever shown. */
export async function addApiKey(_state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["name", "scope", "account_id"]);
  let secret: string | undefined;
  const state = await submit(values, ["name", "scope", "account_id"], () => {
    const input = parse(createApiKeyInput, { ...values, account_id: values.account_id === "" ? null : values.account_id });
    const created = createApiKey({ name: input.name, scope: input.scope, accountId: input.account_id });
    secret = created.key;
    revalidate("/settings", "/", "/trades");
    return `Key “${created.record.name}” created. Copy it now: it is not shown again.`;
  });
  return secret === undefined ? state : { ...state, secret };
}

/** Revokes an API key: requests with it are refused from now on. */
export async function removeApiKey(keyId: number): Promise<SettingsFormState> {
  return submit({}, [], () => {
    const record = revokeApiKey(readId(keyId, "API key"));
    revalidate("/settings");
    return `Key “${record.name}” revoked.`;
  });
}

/** Renames an account; an empty name gives back its default label (login @ server). */
export async function renameAccount(accountId: number, _state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["name"]);
  return submit(values, ["name"], () => {
    const id = readId(accountId, "account");
    const body = parse(updateAccountBody, { name: values.name === "" ? null : values.name });
    const account = updateAccount(id, body);
    revalidate("/settings", "/", "/trades");
    return `Renamed to “${account.name}”.`;
  });
}

/** Sets an account's currency: its trades move to that currency's figures. */
export async function setAccountCurrency(accountId: number, _state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["currency"]);
  return submit(values, ["currency"], () => {
    const id = readId(accountId, "account");
    const account = updateAccount(id, parse(updateAccountBody, { currency: values.currency }));
    revalidate("/settings", "/", "/trades");
    return `Currency set to ${account.currency}.`;
  });
}

/** A balance operation as typed: a withdrawal is stored negative; credits and adjustments keep their sign. */
export async function addBalanceOperation(accountId: number, _state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["type", "amount", "time", "comment"]);
  return submit(values, ["type", "amount", "time", "comment"], () => {
    const amount = readAmount(values.amount);
    const signed = values.type === "withdrawal" && amount !== undefined ? -Math.abs(amount) : amount;
    const body = parse(createBalanceOperationBody, {
      account_id: readId(accountId, "account"),
      type: values.type,
      amount: signed,
      time: values.time || undefined,
      comment: values.comment || null,
    });
    const { body: created } = createBalanceOperation(body);
    revalidate("/settings", "/");
    return `Added: ${created.data.type} of ${formatAmount(created.data.amount)}.`;
  });
}

/**
 * The deposit balance-based figures start from, dated before the first trade. Setting it again
 * replaces the previous one (the deposits commented "Starting balance").
 */
export async function setStartingBalance(accountId: number, _state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["amount", "time"]);
  return submit(values, ["amount", "time"], async () => {
    const id = readId(accountId, "account");
    const body = parse(createBalanceOperationBody, {
      account_id: id,
      type: "deposit",
      amount: readAmount(values.amount),
      time: values.time || undefined,
      comment: startingBalanceComment,
    });
    const { body: created } = replaceStartingBalance({ ...body, account_id: id });
    revalidate("/settings", "/");
    return `Starting balance set: ${formatAmount(created.data.amount)} on ${created.data.time.replace("T", " ")}.`;
  });
}

export async function removeBalanceOperation(operationId: number): Promise<SettingsFormState> {
  return submit({}, [], async () => {
    await deleteBalanceOperation(readId(operationId, "balance operation"));
    revalidate("/settings", "/");
    return "Deleted.";
  });
}

/** Names (or renames) the strategy behind a magic number of one account. */
export async function saveStrategyName(
  accountId: number,
  magicNumber: number,
  _state: SettingsFormState,
  form: FormData,
): Promise<SettingsFormState> {
  const values = textFields(form, ["name"]);
  return submit(values, ["name"], async () => {
    const key = parse(strategyParams, { account_id: String(accountId), magic_number: String(magicNumber) });
    const strategy = await setStrategyName(key, parse(setStrategyNameBody, { name: values.name }));
    revalidate("/settings", "/", "/trades");
    return `Saved “${strategy.name}”.`;
  });
}

export async function removeStrategyName(accountId: number, magicNumber: number): Promise<SettingsFormState> {
  return submit({}, [], async () => {
    await deleteStrategyName(parse(strategyParams, { account_id: String(accountId), magic_number: String(magicNumber) }));
    revalidate("/settings", "/", "/trades");
    return "Name removed.";
  });
}

/** Moves the default account's trades (the bridge EA's) into a real account; the state tells what moved. */
export async function mergeDefaultAccount(accountId: number, _state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = textFields(form, ["into_account_id"]);
  return submit(values, ["into_account_id"], () => {
    const id = readId(accountId, "account");
    const into = values.into_account_id;
    const body = parse(mergeAccountBody, { into_account_id: /^\d{1,16}$/.test(into) ? Number(into) : undefined });
    const merged = mergeAccount(id, body);
    revalidate("/settings", "/", "/trades");
    const target = merged.account.name;
    const operations = merged.balance_operations;
    const duplicates =
      merged.duplicates === 0
        ? ""
        : ` (${plural(merged.duplicates, "duplicate")} by deal ticket kept once: ${formatInteger(merged.enriched)} filled in, ${formatInteger(merged.conflicts)} differing, where ${target}'s values stay)`;
    return `Merged into ${target}: ${plural(merged.moved, "trade")} moved${duplicates}; ${plural(operations.moved, "balance operation")} and ${plural(merged.strategies, "strategy name")} moved.`;
  });
}

/** Deletes an account with its trades, balance operations and strategy names. */
export async function removeAccount(accountId: number): Promise<SettingsFormState> {
  return submit({}, [], () => {
    deleteAccount(readId(accountId, "account"));
    revalidate("/settings", "/", "/trades");
    return "Account deleted.";
  });
}

/**
 * Runs one form's change: a refusal (the API's 4xx, a schema's issues) becomes the form's state,
 * field by field where the form has the field; anything else is a server fault for the error page.
 */
async function submit(values: Record<string, string>, fields: string[], change: () => string | Promise<string>): Promise<SettingsFormState> {
  try {
    return { status: "saved", message: await change(), at: Date.now() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    const details = error.details ?? [];
    const onFields = details.filter((detail) => fields.includes(detail.field));
    const elsewhere = details.filter((detail) => !fields.includes(detail.field));
    const message =
      error.code === "validation_error"
        ? elsewhere.length > 0
          ? describe(elsewhere)
          : "Not saved: see the marked fields."
        : error.message;
    const fieldErrors = Object.fromEntries(onFields.map((detail) => [detail.field, detail.message]));
    return { status: "invalid", message, fieldErrors, values, at: Date.now() };
  }
}

/** The schema's output, or the API's 422 with each issue (caught by `submit`). */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = safeValidate(schema, input);
  if (!result.success) throw new ApiError("validation_error", "Invalid input", issueDetails(result.error));
  return result.data;
}

/** Ids are bound into the page's forms, so they reach the action from the browser: validated like a path. */
function readId(value: unknown, what: string): number {
  const result = safeValidate(idParams, { id: String(value) });
  if (!result.success) throw new ApiError("not_found", `This ${what} does not exist`);
  return result.data.id;
}

/** An empty field is missing (the schema says "is required"); anything else must be a number. */
function readAmount(text: string | undefined): number | undefined {
  const trimmed = (text ?? "").replace(/\s/g, "");
  return trimmed === "" ? undefined : Number(trimmed);
}

function textFields<Name extends string>(form: FormData, names: Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "").trim()])) as Record<Name, string>;
}

function describe(details: ErrorDetail[]): string {
  return `Not saved: ${details.map((detail) => (detail.field === "(body)" ? detail.message : `${detail.field} ${detail.message}`)).join("; ")}`;
}

function revalidate(...paths: string[]): void {
  for (const path of paths) revalidatePath(path);
}
