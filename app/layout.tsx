import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { NavLinks } from "@/components/ui/nav-links";
import { ThemeToggle, type Theme } from "@/components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MT5 Journal", template: "%s · MT5 Journal" },
  description: "Self-hosted trading journal for MetaTrader 5",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const chosen = (await cookies()).get("theme")?.value;
  const theme: Theme = chosen === "light" || chosen === "dark" ? chosen : "system";
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
          <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <Link href="/" className="font-semibold tracking-tight">
              MT5 Journal
            </Link>
            <Suspense>
              <NavLinks />
            </Suspense>
            <div className="ml-auto">
              <ThemeToggle initial={theme} />
            </div>
          </div>
        </header>
        <div className="mx-auto max-w-[1600px] px-4 py-4">{children}</div>
      </body>
    </html>
  );
}
