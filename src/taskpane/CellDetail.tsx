import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { type AdjustmentEntry, findingDetail } from "../core";
import { AdjustmentForm } from "./AdjustmentForm";
import { cellKey, type Outcome } from "./outcome";
import type { CellRef } from "./port";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  box: {
    whiteSpace: "pre-wrap",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The engine's explanation of a selected score cell, or the findings on a selected evidence cell. */
export function CellDetail({
  outcome,
  cell,
  t,
  disabled = false,
  onAdjust,
}: {
  outcome: Outcome;
  cell: CellRef | null;
  t: Strings;
  disabled?: boolean;
  onAdjust?: (entry: AdjustmentEntry) => Promise<void>;
}) {
  const s = useStyles();
  const info = cell
    ? (outcome.cells[cellKey(cell.sheet, cell.address)] ?? outcome.explainCell(cell.sheet, cell.address))
    : undefined;
  let body: string;
  if (!cell) body = t.selectHint;
  else if (!info) body = t.nothingHere(cell.address);
  else if (info.kind === "score") body = `${info.unit} · ${info.column}\n${info.text}`;
  else
    body = `${info.unit ? `${info.unit}\n` : ""}${info.findings.map((f) => `${t.kind[f.kind]}：${findingDetail(f)}`).join("\n")}${info.stake ? `\n${t.atStake(info.stake)}` : ""}`;
  return (
    <section aria-label={t.selected}>
      <Text weight="semibold">
        {t.selected}
        {cell ? `：${cell.sheet} ${cell.address}` : ""}
      </Text>
      <div className={s.box} data-testid="cell-detail">
        {body}
      </div>
      {info && info.kind === "score" && info.items && info.items.length > 0 && onAdjust && cell ? (
        <AdjustmentForm
          key={`${cell.sheet}!${cell.address}`}
          unit={info.unit}
          items={info.items}
          t={t}
          disabled={disabled}
          today={today}
          onSubmit={onAdjust}
        />
      ) : null}
    </section>
  );
}

/** Today's date as the office writes it in 核定调整 (YYYY-MM-DD, local time). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
