/** A broker's UTC offset typed in hours: "+2" -> 120, "-5" -> -300, "+5:30" -> 330, "" -> none (the API takes minutes, within ±14 h). */
export function parseUtcOffset(text: string): { minutes: number | null; error: string | null } {
  const trimmed = text.trim().replace(/^(UTC|GMT)\s*/i, "");
  if (trimmed === "") return { minutes: null, error: null };
  const match = /^([-+−])?(\d{1,2})(?::([0-5]\d))?$/.exec(trimmed);
  if (!match) return { minutes: null, error: "Write the offset in hours, like +2, -5 or +5:30" };
  const sign = match[1] === "-" || match[1] === "−" ? -1 : 1;
  const minutes = sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
  if (Math.abs(minutes) > 14 * 60) return { minutes: null, error: "An offset is between -14 and +14 hours" };
  // -0 would be sent as "0" anyway, but keep the value plain.
  return { minutes: minutes === 0 ? 0 : minutes, error: null };
}
