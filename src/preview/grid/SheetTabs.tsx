// The sheet tabs below the grid: the visible sheets, the shown one selected; a click or the arrow keys activate one.
import { mergeClasses } from "@fluentui/react-components";
import type { SheetModel } from "../excel";
import type { PreviewStrings } from "../strings";
import { useStyles } from "./styles";

export interface SheetTabsProps {
  sheets: SheetModel[];
  /** The sheet shown. */
  sheet: SheetModel;
  t: PreviewStrings;
  onActivate: (sheet: string) => void;
}

export function SheetTabs({ sheets, sheet, t, onActivate }: SheetTabsProps) {
  const s = useStyles();
  return (
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
  );
}
