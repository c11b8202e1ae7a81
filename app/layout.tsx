import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { logOut } from "@/app/login/actions";
import { NavLinks } from "@/components/ui/nav-links";
import { ThemeToggle, type Theme } from "@/components/ui/theme-toggle";
import { apiKeysRequired } from "@/lib/auth/api-keys";
import { isValidSessionToken, journalPassword, sessionCookieName } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MT5 Journal", template: "%s · MT5 Journal" },
  description: "Self-hosted trading journal for MetaTrader 5",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const cookieStore = await cookies();
  const chosen = cookieStore.get("theme")?.value;
  const theme: Theme = chosen === "light" || chosen === "dark" ? chosen : "system";
  const password = journalPassword();
  // Only the login page renders without a session when there is a password (the proxy sees to that).
  const signedIn = password !== undefined && isValidSessionToken(cookieStore.get(sessionCookieName)?.value, password);
  const showsJournal = password === undefined || signedIn;
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
          <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <Link href="/" className="font-semibold tracking-tight">
              MT5 Journal
            </Link>
            {showsJournal && (
              <Suspense>
                <NavLinks />
              </Suspense>
            )}
            <div className="ml-auto flex items-center gap-2">
              <ThemeToggle initial={theme} />
              {signedIn && (
                <form action={logOut}>
                  <button type="submit" className="rounded px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
                    Sign out
                  </button>
                </form>
              )}
            </div>
          </div>
        </header>
        {showsJournal && !apiKeysRequired() && (
          <p data-testid="open-api-banner" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm dark:border-amber-800 dark:bg-amber-950">
            The API is open: no API key exists yet, so anyone who can reach this server can send trades{password === undefined ? " and read them" : ""}.{" "}
            <Link href="/settings#api-keys" className="font-medium underline">
              Create a key in Settings
            </Link>{" "}
            to close it.
          </p>
        )}
        <div className="mx-auto max-w-[1600px] px-4 py-4">{children}</div>
      </body>
    </html>
  );
}
