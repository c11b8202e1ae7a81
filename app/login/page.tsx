import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/ui/login-form";
import { isValidSessionToken, journalPassword, sessionCookieName } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/auth/sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  const password = journalPassword();
  if (password === undefined || isValidSessionToken((await cookies()).get(sessionCookieName)?.value, password)) redirect(next);
  return (
    <main className="mx-auto mt-16 max-w-sm space-y-4 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">This journal is protected by a password (JOURNAL_PASSWORD).</p>
      <LoginForm next={next} />
    </main>
  );
}
