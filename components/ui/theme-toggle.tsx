"use client";

import { useState } from "react";

export type Theme = "system" | "light" | "dark";
const next: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const label: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

/** Cycles system -> light -> dark; the choice is a cookie the server reads, so the first paint is right. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function change() {
    const chosen = next[theme];
    setTheme(chosen);
    document.documentElement.classList.remove("light", "dark");
    if (chosen !== "system") document.documentElement.classList.add(chosen);
    document.cookie = `theme=${chosen}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button
      type="button"
      onClick={change}
      title={`${label[theme]} (click to change)`}
      className="rounded border border-zinc-300 px-2.5 py-1 text-xs text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {label[theme]}
    </button>
  );
}
