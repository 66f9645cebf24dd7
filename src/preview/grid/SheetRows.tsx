// The sheet's rows as the grid draws them: each cell with its value by number format, fill, bold, alignment, span,
// note mark and place in the frozen panes and the selection, and the cell being edited with its input.
import { mergeClasses } from "@fluentui/react-components";
import type { CSSProperties, RefObject } from "react";
import type { Rect, SheetModel } from "../excel";
import { displayText } from "../format";
import type { SheetLook } from "../look";
import type { PreviewStrings } from "../strings";
import { type Layout, PT_TO_PX, ROW_HEADER_WIDTH, a1, alignOf } from "./layout";
import { useStyles } from "./styles";

/** The cell being edited and the text in its input. */
export interface Editing {
  row: number;
  col: number;
  text: string;
}

export interface SheetRowsProps {
  sheet: SheetModel;
  look: SheetLook;
  layout: Layout;
  cursor: { row: number; col: number };
  selection: Rect | null;
  /** Where each frozen row sticks. */
  tops: number[];
  rowRefs: RefObject<(HTMLTableRowElement | null)[]>;
  editing: Editing | null;
  setEditing: (editing: Editing | null) => void;
  /** Set when an edit ends: the selected cell takes the keyboard back. */
  refocus: RefObject<boolean>;
  startEdit: (row: number, col: number) => void;
  commit: (then?: "down" | "right") => void;
  t: PreviewStrings;
  onSelect: (sheet: string, address: string) => void;
}

export function SheetRows({
  sheet,
  look,
  layout,
  cursor,
  selection,
  tops,
  rowRefs,
  editing,
  setEditing,
  refocus,
  startEdit,
  commit,
  t,
  onSelect,
}: SheetRowsProps) {
  const s = useStyles();
  const name = sheet.name;
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

  return <tbody>{body}</tbody>;
}
