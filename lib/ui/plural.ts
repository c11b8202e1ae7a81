import { formatInteger } from "@/lib/ui/format";

/** 1 -> "1 trade", 1200 -> "1,200 trades": English nouns that take an s. */
export function plural(count: number, noun: string): string {
  return `${formatInteger(count)} ${noun}${count === 1 ? "" : "s"}`;
}
