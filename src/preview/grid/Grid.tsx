// The simulated workbook drawn as Excel would show it: the active sheet as a grid (values by number format, fills,
// bold, alignment, merged cells, frozen panes, notes) with its tabs below. Everything is read from the simulated Excel
// (src/preview/excel/) on each redraw, so what the add-in wrote is what appears. The user's clicks and edits go back
// through the simulated Excel's own entry points (select, edit), which fire onSelectionChanged and onChanged.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type CSSProperties, type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type CellModel, type FakeExcel, type Rect, type SheetModel, colLetters, parseRect } from "../excel";
import { displayText, editText } from "../format";
import type { CellLook, Looks, SheetLook } from "../look";
import type { PreviewStrings } from "../strings";

const DEFAULT_WIDTH = 72;
const ROW_HEADER_WIDTH = 44;
const PT_TO_PX = 96 / 72;
/** Rows drawn at most: a browser stays quick with a few thousand rows of ~50 cells, not with a hundred thousand. */
export const MAX_ROWS = 3000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  bar: {
    display: "flex",
    alignItems: "stretch",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
  },
  nameBox: {
    flex: "0 0 auto",
    minWidth: "64px",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  content: {
    flex: "1 1 auto",
    minWidth: 0,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  noteLine: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    backgroundColor: "#FFF9DB",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "pre-wrap",
  },
  scroller: { flex: "1 1 auto", overflow: "auto", minHeight: 0, backgroundColor: "#FFFFFF" },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "13px",
    lineHeight: "18px",
  },
  // Stacking, low to high: cells, the selected cell, frozen cells, row numbers, column letters, the corner.
  head: {
    position: "sticky",
    top: 0,
    zIndex: 6,
    backgroundColor: "#F3F3F3",
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: "1px solid #D4D4D4",
    borderBottom: "1px solid #D4D4D4",
    height: "20px",
    padding: 0,
    textAlign: "center",
  },
  headOn: { backgroundColor: "#D3F0E0", color: "#0E5C2F", fontWeight: tokens.fontWeightSemibold },
  corner: { left: 0, zIndex: 7 },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    backgroundColor: "#F3F3F3",
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: "1px solid #D4D4D4",
    borderBottom: "1px solid #D4D4D4",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "center",
  },
  cell: {
    position: "relative",
    padding: "1px 4px",
    borderRight: "1px solid #E1E1E1",
    borderBottom: "1px solid #E1E1E1",
    backgroundColor: "#FFFFFF",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
    cursor: "cell",
    height: "20px",
    ":focus": { outline: "none" },
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", verticalAlign: "middle" },
  frozen: { position: "sticky", zIndex: 2 },
  frozenEdge: { borderBottom: "2px solid #B8B8B8" },
  frozenColEdge: { borderRight: "2px solid #B8B8B8" },
  inRange: { boxShadow: "inset 0 0 0 9999px rgba(33, 115, 70, 0.12)" },
  cursor: { outline: "2px solid #217346", outlineOffset: "-2px", zIndex: 1 },
  frozenCursor: { zIndex: 3 },
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #C00000",
      borderLeft: "6px solid transparent",
    },
  },
  input: {
    position: "absolute",
    inset: 0,
    width: "100%",
    height: "100%",
    boxSizing: "border-box",
    border: "2px solid #217346",
    padding: "0 3px",
    font: "inherit",
    zIndex: 1,
  },
  tabs: {
    display: "flex",
    gap: "2px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "#F3F3F3",
    overflowX: "auto",
    flex: "0 0 auto",
  },
  tab: {
    border: "none",
    borderBottom: "3px solid transparent",
    backgroundColor: "transparent",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    whiteSpace: "nowrap",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  tabOn: {
    backgroundColor: "#FFFFFF",
    borderBottom: "3px solid #217346",
    color: "#0E5C2F",
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function visibleSheets(excel: FakeExcel): SheetModel[] {
  return excel.doc.sheets.filter((s) => s.visibility === "Visible");
}

/** The sheet Excel shows: the active one, else the first visible. */
export function shownSheet(excel: FakeExcel): SheetModel | undefined {
  const active = excel.doc.active ? excel.doc.sheet(excel.doc.active) : undefined;
  return active && active.visibility === "Visible" ? active : visibleSheets(excel)[0];
}

function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

const EMPTY_LOOK: SheetLook = { merges: [], widths: new Map(), frozenRows: 0, frozenCols: 0, cells: new Map() };

interface Layout {
  rows: number;
  /** Rows with something in them, when more than are drawn. */
  cut: number | null;
  cols: number;
  widths: number[];
  frozenRows: number;
  frozenCols: number;
  /** top-left "r,c" → span; covered cells are left out. */
  spans: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

function layoutOf(sheet: SheetModel, look: SheetLook, selection: Rect | null): Layout {
  const used = sheet.used(false);
  const merges = [...sheet.merges, ...look.merges];
  let lastRow = used ? used.row + used.rows - 1 : 0;
  let lastCol = used ? used.col + used.cols - 1 : 0;
  for (const m of merges) {
    lastRow = Math.max(lastRow, m.row + m.rows - 1);
    lastCol = Math.max(lastCol, m.col + m.cols - 1);
  }
  if (selection) {
    lastRow = Math.max(lastRow, selection.row);
    lastCol = Math.max(lastCol, selection.col);
  }
  const rows = Math.min(Math.max(lastRow + 4, 24), MAX_ROWS);
  const cols = Math.max(lastCol + 2, 10);
  const widths = Array.from({ length: cols }, (_, c) => {
    const pt = sheet.columnWidths.get(c);
    return pt !== undefined ? Math.round(pt * PT_TO_PX) : (look.widths.get(c) ?? DEFAULT_WIDTH);
  });
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.rows === 1 && m.cols === 1) continue;
    spans.set(`${m.row},${m.col}`, { rows: m.rows, cols: m.cols });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  return {
    rows,
    cut: lastRow + 1 > MAX_ROWS ? lastRow + 1 : null,
    cols,
    widths,
    frozenRows: sheet.frozenRows || look.frozenRows,
    frozenCols: look.frozenCols,
    spans,
    covered,
  };
}

function alignOf(c: CellModel | undefined, l: CellLook | undefined): "left" | "center" | "right" | undefined {
  const a = (c?.horizontalAlignment ?? l?.align ?? "").toLowerCase();
  if (a.startsWith("center")) return "center";
  if (a === "right") return "right";
  if (a === "left") return "left";
  if (typeof c?.value === "number" && c.error === undefined) return "right";
  if (typeof c?.value === "boolean" || c?.error !== undefined) return "center";
  return undefined;
}

/** Scrolls the selected cell into the part of the sheet that scrolls (not under the frozen rows and columns). */
function reveal(
  scroller: HTMLElement,
  td: HTMLElement,
  at: { row: number; col: number },
  layout: Layout,
  head: HTMLElement | null,
  rows: (HTMLElement | null)[],
): void {
  const box = scroller.getBoundingClientRect();
  const cell = td.getBoundingClientRect();
  if (at.col >= layout.frozenCols) {
    const left = ROW_HEADER_WIDTH + layout.widths.slice(0, layout.frozenCols).reduce((a, b) => a + b, 0);
    const x = cell.left - box.left;
    const room = scroller.clientWidth - left;
    if (x < left || cell.width > room) scroller.scrollLeft += x - left;
    else if (x + cell.width > scroller.clientWidth) scroller.scrollLeft += x + cell.width - scroller.clientWidth;
  }
  if (at.row >= layout.frozenRows) {
    let top = head?.offsetHeight ?? 0;
    for (let r = 0; r < layout.frozenRows; r++) top += rows[r]?.offsetHeight ?? 0;
    const y = cell.top - box.top;
    const room = scroller.clientHeight - top;
    if (y < top || cell.height > room) scroller.scrollTop += y - top;
    else if (y + cell.height > scroller.clientHeight) scroller.scrollTop += y + cell.height - scroller.clientHeight;
  }
}

export interface GridProps {
  excel: FakeExcel;
  looks: Looks;
  /** Bumped whenever the workbook may have changed: the grid redraws from the simulated Excel. */
  version: number;
  t: PreviewStrings;
  onSelect: (sheet: string, address: string) => void;
  onEdit: (sheet: string, address: string, text: string) => void;
  onActivate: (sheet: string) => void;
}

export function Grid({ excel, looks, t, onSelect, onEdit, onActivate }: GridProps) {
  const s = useStyles();
  const sheet = shownSheet(excel);
  const look = (sheet && looks.get(sheet)) || EMPTY_LOOK;
  const sel = excel.doc.selection;
  const selection =
    sheet && sel && sel.sheet.toLowerCase() === sheet.name.toLowerCase() ? parseRect(sel.address) : null;
  const cursor = selection ? { row: selection.row, col: selection.col } : { row: 0, col: 0 };
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** After an edit ends the selected cell takes the keyboard back. */
  const refocus = useRef(false);
  const headRef = useRef<HTMLTableRowElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const [tops, setTops] = useState<number[]>([]);

  const layout = sheet ? layoutOf(sheet, look, selection) : null;
  const frozenRows = layout?.frozenRows ?? 0;

  // Frozen rows stick below the column letters, each at the height of the rows above it.
  useLayoutEffect(() => {
    const next: number[] = [];
    let top = headRef.current?.offsetHeight ?? 0;
    for (let r = 0; r < frozenRows; r++) {
      next.push(top);
      top += rowRefs.current[r]?.offsetHeight ?? 0;
    }
    if (next.length !== tops.length || next.some((v, i) => v !== tops[i])) setTops(next);
  });

  // The selected cell stays in view and, while the grid has the keyboard, keeps it.
  const cursorKey = sheet ? `${sheet.name}!${cursor.row},${cursor.col}` : "";
  const cursorCell = () => tableRef.current?.querySelector<HTMLElement>(`[data-cell="${a1(cursor.row, cursor.col)}"]`);
  useEffect(() => {
    const td = cursorCell();
    const scroller = td?.closest<HTMLElement>("[data-scroller]");
    if (td && scroller && layout) reveal(scroller, td, cursor, layout, headRef.current, rowRefs.current);
  }, [cursorKey]); // only when the selection moves
  useEffect(() => {
    const td = cursorCell();
    if (!td || editing) return;
    const here = tableRef.current?.contains(document.activeElement) ?? false;
    if ((refocus.current || here) && document.activeElement !== td) td.focus({ preventScroll: true });
    refocus.current = false;
  });

  if (!sheet || !layout) return null;
  const name = sheet.name;

  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(layout.rows - 1, row));
    const c = Math.max(0, Math.min(layout.cols - 1, col));
    onSelect(name, a1(r, c));
  };
  const commit = (then?: "down" | "right") => {
    if (!editing) return;
    const { row, col, text } = editing;
    setEditing(null);
    const before = editText(sheet.get(row, col));
    if (text !== before) onEdit(name, a1(row, col), text);
    if (then === "down") move(row + 1, col);
    if (then === "right") move(row, col + 1);
    refocus.current = true;
  };
  const startEdit = (row: number, col: number, text?: string) =>
    setEditing({ row, col, text: text ?? editText(sheet.get(row, col)) });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const { row, col } = cursor;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      move(row + moves[e.key][0], col + moves[e.key][1]);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(row, col);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (editText(sheet.get(row, col)) !== "") onEdit(name, a1(row, col), "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(row, col, e.key);
    }
  };

  const sheets = visibleSheets(excel);
  const current = sheet.get(cursor.row, cursor.col);
  const currentNote = current?.note ?? look.cells.get(`${cursor.row},${cursor.col}`)?.note;
  const leftOf = (col: number) => ROW_HEADER_WIDTH + layout.widths.slice(0, col).reduce((a, b) => a + b, 0);
  const inSel = (r: number, c: number) =>
    selection !== null &&
    (selection.rows > 1 || selection.cols > 1) &&
    r >= selection.row &&
    r < selection.row + selection.rows &&
    c >= selection.col &&
    c < selection.col + selection.cols;

  const body = [];
  for (let r = 0; r < layout.rows; r++) {
    const tds = [];
    const frozenRow = r < layout.frozenRows;
    for (let c = 0; c < layout.cols; c++) {
      const key = `${r},${c}`;
      if (layout.covered.has(key)) continue;
      const span = layout.spans.get(key);
      const cell = sheet.get(r, c);
      const l = look.cells.get(key);
      const address = a1(r, c);
      const isCursor = r === cursor.row && c === cursor.col;
      const note = cell?.note ?? l?.note;
      const frozenCol = c < layout.frozenCols && c + (span?.cols ?? 1) <= layout.frozenCols;
      const wrap = cell?.wrapText ?? l?.wrap ?? false;
      const bold = cell?.bold ?? l?.bold ?? false;
      const fill = cell?.fill && cell.fill.pattern !== "None" ? cell.fill.color : undefined;
      const style: CSSProperties = {
        textAlign: alignOf(cell, l),
        fontWeight: bold ? 600 : undefined,
        fontSize: cell?.fontSize ? `${Math.round(cell.fontSize * PT_TO_PX)}px` : undefined,
        backgroundColor: fill,
      };
      if (frozenRow) style.top = tops[r] ?? 0;
      if (frozenCol) style.left = leftOf(c);
      if (frozenRow && frozenCol) style.zIndex = 3;
      const text = displayText(cell);
      tds.push(
        <td
          key={c}
          role="gridcell"
          data-cell={address}
          data-value={cell && (cell.value !== null || cell.error) ? String(cell.error ?? cell.value) : undefined}
          data-fill={fill}
          aria-selected={isCursor || inSel(r, c)}
          tabIndex={isCursor ? 0 : -1}
          rowSpan={span?.rows}
          colSpan={span?.cols}
          title={note ? `${t.note}：${note}` : text.length > 8 ? text : undefined}
          className={mergeClasses(
            s.cell,
            wrap && s.wrap,
            (frozenRow || frozenCol) && s.frozen,
            r === layout.frozenRows - 1 && s.frozenEdge,
            c === layout.frozenCols - 1 && s.frozenColEdge,
            inSel(r, c) && s.inRange,
            isCursor && s.cursor,
            isCursor && (frozenRow || frozenCol) && s.frozenCursor,
            note !== undefined && s.noted,
          )}
          style={style}
          onClick={() => {
            if (!isCursor || editing) onSelect(name, address);
          }}
          onDoubleClick={() => startEdit(r, c)}
        >
          {text}
          {editing && editing.row === r && editing.col === c ? (
            <input
              className={s.input}
              aria-label={t.editCell(address)}
              autoFocus
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onBlur={() => commit()}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === "Enter") {
                  e.preventDefault();
                  commit("down");
                } else if (e.key === "Tab") {
                  e.preventDefault();
                  commit("right");
                } else if (e.key === "Escape") {
                  e.preventDefault();
                  refocus.current = true;
                  setEditing(null);
                }
              }}
            />
          ) : null}
        </td>,
      );
    }
    const height = sheet.rowHeights.get(r);
    body.push(
      <tr
        key={r}
        ref={(el) => {
          rowRefs.current[r] = el;
        }}
        style={height !== undefined ? { height: Math.round(height * PT_TO_PX) } : undefined}
      >
        <th
          scope="row"
          className={mergeClasses(s.rowHead, r === cursor.row && s.headOn, frozenRow && s.frozen)}
          style={frozenRow ? { top: tops[r] ?? 0, zIndex: 5 } : undefined}
        >
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    <div className={s.root}>
      <div className={s.bar}>
        <output className={s.nameBox} aria-label={t.nameBox} data-testid="name-box">
          {sel && selection ? sel.address : a1(cursor.row, cursor.col)}
        </output>
        <output className={s.content} aria-label={t.formulaBar} data-testid="formula-bar">
          {editText(current)}
        </output>
      </div>
      {currentNote ? (
        <div className={s.noteLine} data-testid="note">
          {t.note}：{currentNote}
        </div>
      ) : null}
      <div key={name} className={s.scroller} data-scroller role="tabpanel" id="sheet-panel" aria-label={t.grid(name)}>
        <table
          ref={tableRef}
          className={s.table}
          role="grid"
          aria-label={t.grid(name)}
          data-sheet={name}
          onKeyDown={onKeyDown}
          style={{ width: ROW_HEADER_WIDTH + layout.widths.reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {layout.widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr ref={headRef}>
              <td className={mergeClasses(s.head, s.corner)} />
              {layout.widths.map((_, c) => (
                <th key={c} scope="col" className={mergeClasses(s.head, c === cursor.col && s.headOn)}>
                  {colLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {layout.cut !== null ? (
        <div className={s.noteLine} role="status">
          {t.cut(MAX_ROWS, layout.cut)}
        </div>
      ) : null}
      <div className={s.tabs} role="tablist" aria-label={t.sheets}>
        {sheets.map((ws, i) => {
          const on = ws === sheet;
          return (
            <button
              key={ws.id}
              type="button"
              role="tab"
              aria-selected={on}
              aria-controls="sheet-panel"
              tabIndex={on ? 0 : -1}
              className={mergeClasses(s.tab, on && s.tabOn)}
              onClick={() => onActivate(ws.name)}
              onKeyDown={(e) => {
                const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                if (d === 0) return;
                e.preventDefault();
                const list = e.currentTarget.parentElement;
                onActivate(sheets[(i + d + sheets.length) % sheets.length].name);
                requestAnimationFrame(() => list?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
              }}
            >
              {ws.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
