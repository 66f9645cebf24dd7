/// <reference types="office-js" />
// The 考核排名 tab as write ops: the sheet with its title, header, borders, widths, print setup and chart in one op, then
// its body in row slices of at most SYNC_BUDGET bytes. Relies on ExcelApi 1.7 (freezePanes), 1.9 (pageLayout) and
// 1.1 (charts).
import { LOOKS, type RankingTable, rankingBodyLook } from "../../core";
import { COMMAND_BYTES, jsonBytes, slices } from "./budget";
import { applyLook } from "./look";
import type { Op } from "./op";

/** Points per character of column width, near enough for Calibri/等线 11. */
const POINTS_PER_CHAR = 7;
/** A bar per unit is readable up to here; beyond it the chart is left out. */
export const CHART_MAX_UNITS = 200;

/** The 考核排名 tab: one op for the sheet, its title, header, borders, widths, print setup and chart, then the body in
 * row slices. position: where the old tab stood (it keeps its place among the tabs), or -1 for a new one at the end. */
export function rankingOps(t: RankingTable, position: number): Op[] {
  const width = t.header.length;
  const n = t.rows.length;
  const ops: Op[] = [
    {
      bytes: 60 * COMMAND_BYTES + jsonBytes(t.header) + jsonBytes(t.title),
      queue: (workbook) => {
        if (position >= 0) workbook.worksheets.getItem(t.name).delete();
        const sheet = workbook.worksheets.add(t.name);
        if (position >= 0) sheet.position = position;
        const title = sheet.getRangeByIndexes(0, 0, 1, width);
        title.merge(false);
        title.values = [[t.title, ...t.header.slice(1).map(() => "")]];
        applyLook(title, LOOKS.rankingTitle);
        title.format.rowHeight = 30;

        const head = sheet.getRangeByIndexes(1, 0, 1, width);
        head.values = [[...t.header]];
        applyLook(head, { ...LOOKS.rankingHeader, border: undefined });
        head.format.rowHeight = 45;

        if (n > 0) {
          // rankingBodyLook column by column, as three ranges: rank and name, the scores, 说明 and 核查意见 (wrapped)
          const look = (column: number) => {
            const { numberFormat: _format, border: _border, ...rest } = rankingBodyLook(column, width, false, "");
            return rest;
          };
          applyLook(sheet.getRangeByIndexes(2, 0, n, 2), look(0));
          applyLook(sheet.getRangeByIndexes(2, 2, n, width - 4), look(2));
          applyLook(sheet.getRangeByIndexes(2, width - 2, n, 2), look(width - 1));
        }
        const table = sheet.getRangeByIndexes(1, 0, n + 1, width);
        for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) {
          table.format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
        }
        t.widths.forEach((w, i) => {
          sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
        });
        sheet.freezePanes.freezeRows(2);

        // Ready to print on A4: landscape, one page wide, header rows repeated, centred.
        const page = sheet.pageLayout;
        page.paperSize = "A4";
        page.orientation = "Landscape";
        page.centerHorizontally = true;
        // One page wide, as many tall as needed: both fit properties, since one alone was reported ignored
        // (OfficeDev/office-js#1860); 0 pages tall is the file format's "automatic" (fitToHeight="0").
        page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.leftMargin = 28.8;
        page.rightMargin = 28.8;
        page.topMargin = 43.2;
        page.bottomMargin = 43.2;
        page.setPrintTitleRows("$1:$2");

        if (n > 0 && n <= CHART_MAX_UNITS) {
          // 总分 per unit: 单位名称 (B) and 总分 (C), beside the table.
          const source = sheet.getRangeByIndexes(1, 1, n + 1, 2);
          const chart = sheet.charts.add("BarClustered", source, "Columns");
          chart.title.text = `${t.header[2]}`;
          chart.legend.visible = false;
          chart.axes.categoryAxis.reversePlotOrder = true;
          const left = sheet.getRangeByIndexes(1, width + 1, 1, 1);
          const right = sheet.getRangeByIndexes(Math.max(20, Math.ceil(n * 0.9)), width + 9, 1, 1);
          chart.setPosition(left, right);
        }
      },
    },
  ];
  const formats = t.rows.map((r) => r.map((v, i) => (typeof v === "number" && i >= 2 ? "0.00" : "General")));
  for (const { start, end, bytes } of slices(t.rows as unknown[][], formats, 3 * COMMAND_BYTES)) {
    const rows = t.rows.slice(start, end).map((r) => [...r]);
    const fmts = formats.slice(start, end);
    ops.push({
      bytes,
      queue: (workbook) => {
        const body = workbook.worksheets.getItem(t.name).getRangeByIndexes(2 + start, 0, rows.length, width);
        body.numberFormat = fmts;
        body.values = rows;
      },
    });
  }
  return ops;
}
