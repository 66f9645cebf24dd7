// The two sheets the tool owns outright, as worksheet parts: 考核排名 (printable ranking) and the tool's memory.
import { LOOKS, type RankingTable, SCORE_FORMAT, address, rankingBodyLook } from "../../../core";
import { lookDelta } from "./styles/delta";
import { type Styles } from "./styles/styles";
import { textElement } from "./xml";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function cell(row: number, col: number, s: number, v: string | number): string {
  const r = `<c r="${address(row, col)}"${s ? ` s="${s}"` : ""}`;
  return typeof v === "number" ? `${r}><v>${v}</v></c>` : `${r} t="inlineStr"><is>${textElement("", v)}</is></c>`;
}

/** The sheet in pieces (a row each), as XlsxPackage.setPieces takes them. */
export function rankingSheetXml(t: RankingTable, styles: Styles): string[] {
  const n = t.header.length;
  const title = styles.derive(0, lookDelta(LOOKS.rankingTitle));
  const headStyle = styles.derive(0, lookDelta(LOOKS.rankingHeader));
  const bodyStyle = (i: number, numeric: boolean) =>
    styles.derive(0, lookDelta(rankingBodyLook(i, n, numeric, SCORE_FORMAT)));
  const bodyStyles = [false, true].map((numeric) => t.header.map((_, i) => bodyStyle(i, numeric)));
  const body = (i: number, numeric: boolean) => bodyStyles[numeric ? 1 : 0][i];
  const rows: string[] = [
    `<row r="1" ht="30" customHeight="1">${cell(1, 1, title, t.title)}${Array.from({ length: n - 1 }, (_, i) => `<c r="${address(1, i + 2)}" s="${title}"/>`).join("")}</row>`,
    `<row r="2" ht="48" customHeight="1">${t.header.map((h, i) => cell(2, i + 1, headStyle, h)).join("")}</row>`,
  ];
  t.rows.forEach((values, r) => {
    rows.push(
      `<row r="${r + 3}">${values.map((v, i) => cell(r + 3, i + 1, body(i, typeof v === "number"), v)).join("")}</row>`,
    );
  });
  const last = address(t.rows.length + 2, n);
  const head =
    `${HEAD}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${t.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    `<mergeCells count="1"><mergeCell ref="A1:${address(1, n)}"/></mergeCells>` +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "</worksheet>";
  return [head, ...rows, tail];
}

/** The tool's memory: JSON text in column A, one chunk per cell. */
export function stateSheetXml(chunks: readonly string[]): string {
  const rows = chunks.map((c, i) => `<row r="${i + 1}">${cell(i + 1, 1, 0, c)}</row>`).join("");
  return `${HEAD}<worksheet ${NS}><dimension ref="A1:A${Math.max(1, chunks.length)}"/><sheetData>${rows}</sheetData></worksheet>`;
}

/** A sheet name as a formula reference: 'name' with quotes doubled. */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
