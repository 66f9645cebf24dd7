// The simulated workbook drawn as Excel would show it: the active sheet as a grid (values by number format, fills,
// bold, alignment, merged cells, frozen panes, notes) with its tabs below. Everything is read from the simulated Excel
// (src/preview/excel/) on each redraw, so what the add-in wrote is what appears. The user's clicks and edits go back
// through the simulated Excel's own entry points (select, edit), which fire onSelectionChanged and onChanged.
import { mergeClasses } from "@fluentui/react-components";
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type FakeExcel, colLetters, parseRect } from "../excel";
import { editText } from "../format";
import type { Looks } from "../look";
import type { PreviewStrings } from "../strings";
import { EMPTY_LOOK, MAX_ROWS, ROW_HEADER_WIDTH, a1, layoutOf, reveal, shownSheet, visibleSheets } from "./layout";
import { type Editing, SheetRows } from "./SheetRows";
import { SheetTabs } from "./SheetTabs";
import { useStyles } from "./styles";

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
  const [editing, setEditing] = useState<Editing | null>(null);
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
          <SheetRows
            sheet={sheet}
            look={look}
            layout={layout}
            cursor={cursor}
            selection={selection}
            tops={tops}
            rowRefs={rowRefs}
            editing={editing}
            setEditing={setEditing}
            refocus={refocus}
            startEdit={startEdit}
            commit={commit}
            t={t}
            onSelect={onSelect}
          />
        </table>
      </div>
      {layout.cut !== null ? (
        <div className={s.noteLine} role="status">
          {t.cut(MAX_ROWS, layout.cut)}
        </div>
      ) : null}
      <SheetTabs sheets={sheets} sheet={sheet} t={t} onActivate={onActivate} />
    </div>
  );
}
