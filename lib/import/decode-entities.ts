const named: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  copy: "\u00a9",
  reg: "\u00ae",
  euro: "\u20ac",
  pound: "\u00a3",
  yen: "\u00a5",
  cent: "\u00a2",
  deg: "\u00b0",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  laquo: "\u00ab",
  raquo: "\u00bb",
  middot: "\u00b7",
  times: "\u00d7",
};

const entity = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function codePointText(codePoint: number, original: string): string {
  return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff)
    ? String.fromCodePoint(codePoint)
    : original;
}

/** Decodes HTML/XML character references; an unknown name is left as written, so no text is lost. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(entity, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal) return codePointText(Number.parseInt(decimal, 10), match);
    if (hex) return codePointText(Number.parseInt(hex, 16), match);
    const value = named[(name as string).toLowerCase()];
    return value ?? match;
  });
}
