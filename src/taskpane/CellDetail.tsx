import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { findingDetail } from "../core";
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
export function CellDetail({ outcome, cell, t }: { outcome: Outcome; cell: CellRef | null; t: Strings }) {
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
        {cell ? ` ${cell.sheet}!${cell.address}` : ""}
      </Text>
      <div className={s.box} data-testid="cell-detail">
        {body}
      </div>
    </section>
  );
}
