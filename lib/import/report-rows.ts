/** One cell of a report row, as the terminal wrote it: text only, markup and entities resolved. */
export interface ReportCell {
  text: string;
  hidden: boolean;
}

/** line: HTML: the 1-based text line where the row's <tr> starts; XLSX: the row number r. */
export interface ReportRow {
  line: number;
  cells: ReportCell[];
}
