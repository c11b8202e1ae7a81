import { decodeEntities } from "@/lib/import/decode-entities";
import { decodeText } from "@/lib/import/decode-text";
import type { ReportCell, ReportRow } from "@/lib/import/report-rows";

// The markup that decides rows; everything else between rows is skipped unread.
const rowMarkup = /<!--|<(\/?)(tr|table|style|script)(?=[\s>/])/gi;
const cellMarkup = /<t[dh](?=[\s>/])([^>]*)>([\s\S]*?)(?:<\/t[dh]\s*>|(?=<t[dh][\s>/])|$)/gi;
const hiddenClass = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const ignoredContent = /<!--[\s\S]*?(?:-->|$)|<(style|script)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const lineBreakTag = /<br\b[^>]*>/gi;
const anyTag = /<[^>]*>?/g;
// HTML white space only: U+00A0 is text here (a thousands separator in some reports).
const spaceRun = /[ \t\n\r\f]+/g;
const edgeSpace = /^ | $/g;
// Room kept at the end of a piece for a tag name cut in two ("</ta" + "ble>").
const tailLength = 16;

function isHidden(attributes: string): boolean {
  if (!attributes.includes("hidden")) return false;
  const match = hiddenClass.exec(attributes);
  const value = match ? (match[1] ?? match[2] ?? match[3] ?? "") : "";
  return value.split(/[ \t\n\r\f]+/).includes("hidden");
}

function hasIgnoredContent(html: string): boolean {
  return html.includes("<!--") || ((html.includes("<s") || html.includes("<S")) && /<s(?:tyle|cript)/i.test(html));
}

function cellText(html: string): string {
  let text = html;
  if (text.includes("<")) text = text.replace(lineBreakTag, " ").replace(anyTag, "");
  text = text.replace(spaceRun, " ").replace(edgeSpace, "");
  return decodeEntities(text);
}

/** Splits the markup between a row's <tr ...> and its end into cells. */
export function parseRowCells(rowHtml: string): ReportCell[] {
  const cells: ReportCell[] = [];
  const html = hasIgnoredContent(rowHtml) ? rowHtml.replace(ignoredContent, "") : rowHtml;
  cellMarkup.lastIndex = 0;
  for (let match = cellMarkup.exec(html); match; match = cellMarkup.exec(html)) {
    cells.push({ text: cellText(match[2] ?? ""), hidden: isHidden(match[1] ?? "") });
  }
  return cells;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Reads the rows of an MT5 HTML report as it streams in. Only the unfinished row and a few
 * characters are held, because a report can be hundreds of megabytes. A row ends at </tr>, or at
 * the next <tr or </table> when the </tr> is missing; comments, <style> and <script> are skipped.
 */
export async function* readHtmlReportRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<ReportRow> {
  let buffer = "";
  let scanFrom = 0;
  // Newlines are counted once, up to countedTo; line is the line number at that point.
  let countedTo = 0;
  let line = 1;
  let rowLine = 0;
  let rowStart = -1;
  const rows: ReportRow[] = [];

  const advanceLines = (to: number) => {
    if (to > countedTo) {
      line += countLines(buffer, countedTo, to);
      countedTo = to;
    }
  };
  const endRow = (end: number) => {
    rows.push({ line: rowLine, cells: parseRowCells(buffer.slice(rowStart, end)) });
    rowStart = -1;
  };

  /** Scans from scanFrom; answers where an unfinished comment, tag or <style> starts, or -1. */
  const scan = (final: boolean): number => {
    let resumeAt = scanFrom;
    rowMarkup.lastIndex = scanFrom;
    for (let match = rowMarkup.exec(buffer); match; match = rowMarkup.exec(buffer)) {
      const at = match.index;
      let next: number;
      if (match[0] === "<!--") {
        const close = buffer.indexOf("-->", at + 4);
        if (close === -1) return final ? buffer.length : at;
        next = close + 3;
      } else {
        const closing = match[1] === "/";
        const name = (match[2] ?? "").toLowerCase();
        const tagEnd = buffer.indexOf(">", at);
        if (tagEnd === -1) return final ? buffer.length : at;
        next = tagEnd + 1;
        if ((name === "style" || name === "script") && !closing) {
          const closer = new RegExp(`</${name}\\s*>`, "gi");
          closer.lastIndex = next;
          if (!closer.exec(buffer)) return final ? buffer.length : at;
          next = closer.lastIndex;
        } else if (name === "tr" && !closing) {
          if (rowStart !== -1) endRow(at);
          advanceLines(at);
          rowLine = line;
          rowStart = next;
          advanceLines(rowStart);
        } else if (rowStart !== -1 && (name === "tr" || name === "table")) {
          endRow(at);
        }
      }
      resumeAt = next;
      rowMarkup.lastIndex = next;
    }
    // A markup name cut at the end of the text can only start in the last few characters.
    return Math.max(resumeAt, buffer.length - tailLength);
  };

  /** Drops the text before restAt (or before the open row), keeping line counts and offsets right. */
  const keep = (restAt: number) => {
    const keepFrom = rowStart !== -1 ? Math.min(restAt, rowStart) : restAt;
    advanceLines(keepFrom);
    scanFrom = restAt - keepFrom;
    if (rowStart !== -1) rowStart -= keepFrom;
    countedTo -= keepFrom;
    buffer = buffer.slice(keepFrom);
  };

  for await (const text of decodeText(source)) {
    buffer += text;
    keep(scan(false));
    for (const row of rows) yield row;
    rows.length = 0;
  }
  scan(true);
  if (rowStart !== -1) endRow(buffer.length);
  for (const row of rows) yield row;
}
