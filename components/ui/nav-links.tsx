"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { filterNames } from "@/lib/ui/filter-names";

const links = [
  { href: "/", label: "Dashboard", keepsFilters: true },
  { href: "/trades", label: "Journal", keepsFilters: true },
  { href: "/imports", label: "Import", keepsFilters: false },
  { href: "/settings", label: "Settings", keepsFilters: false },
];

/** The main navigation; Dashboard and Journal carry the current filters across (one filter bar, two views). */
export function NavLinks() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = new URLSearchParams();
  for (const [name, value] of searchParams) if (filterNames.includes(name)) filters.append(name, value);
  const query = filters.size > 0 ? `?${filters}` : "";
  return (
    <nav aria-label="Main" className="flex gap-1 text-sm">
      {links.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.keepsFilters ? `${link.href}${query}` : link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded px-3 py-1.5 font-medium ${
              active
                ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
