import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AdjustmentEntry } from "../core";
import { AdjustmentForm } from "./AdjustmentForm";
import type { HandEditView } from "./outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Scores typed over by hand and kept as typed (workbook.md, hand edits): each listed with what the tool computes,
 * and the two ways to settle it: 登记为核定调整 (the typed number as the office's decision) or 恢复计算结果. */
export function HandEdits(props: {
  edits: readonly HandEditView[];
  t: Strings;
  disabled: boolean;
  today: () => string;
  onRestore: (e: HandEditView) => Promise<void>;
  onAdjust: (entry: AdjustmentEntry) => Promise<void>;
}) {
  const { edits, t, disabled, today, onRestore, onAdjust } = props;
  const s = useStyles();
  const [registering, setRegistering] = useState<string | null>(null);
  if (edits.length === 0) return null;
  return (
    <section aria-label={t.editsTitle}>
      <Text as="h2" block weight="semibold">
        {t.editsTitle}
      </Text>
      <Text block size={200}>
        {t.editsLead}
      </Text>
      <ul className={s.list} aria-label={t.editsTitle}>
        {edits.map((e) => {
          const key = `${e.sheet}!${e.address}`;
          const one = e.items.length === 1 ? e.items[0] : null;
          return (
            <li key={key} className={s.item}>
              <Text>
                {t.editLine(e.unit, e.address, e.header, e.typed, e.computed === null ? "" : String(e.computed))}
              </Text>
              <div className={s.actions}>
                <Button
                  size="small"
                  disabled={disabled}
                  onClick={() => setRegistering(registering === key ? null : key)}
                >
                  {t.editRegister}
                </Button>
                <Button size="small" disabled={disabled} onClick={() => void onRestore(e)}>
                  {t.editRestore}
                </Button>
              </div>
              {registering === key ? (
                <AdjustmentForm
                  unit={e.unit}
                  items={e.items}
                  t={t}
                  disabled={disabled}
                  today={today}
                  startOpen
                  initialScore={one && e.typedCents !== null ? e.typed : ""}
                  onSubmit={async (entry) => {
                    setRegistering(null);
                    await onAdjust(entry);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
