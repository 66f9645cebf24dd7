import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type AdjustmentEntry, formatCents, parseDecimal, toCents } from "../core";
import type { AdjustableItem } from "./outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** A number of points typed for 核定分, in hundredths (half-up at 2 decimals), or null when it is not one. */
function centsOf(text: string): number | null {
  const t = text.trim();
  const r = /^\d+(\.\d+)?$/.test(t) ? parseDecimal(t) : null;
  return r ? toCents(r) : null;
}

/** 登记核定调整 for the selected score cell: the item (filled in for a one-leaf column or 加分; for 三, 四, 九 the office
 * picks the leaf), 核定分 and 理由 asked, 核定人 optional; appended to 核定调整, then the workbook is scored again. */
export function AdjustmentForm(props: {
  unit: string;
  items: readonly AdjustableItem[];
  t: Strings;
  disabled: boolean;
  today: () => string;
  onSubmit: (entry: AdjustmentEntry) => Promise<void>;
  /** Open at once (登记为核定调整 from a hand edit), with this 核定分 filled in. */
  startOpen?: boolean;
  initialScore?: string;
}) {
  const { unit, items, t, disabled, today, onSubmit, startOpen = false, initialScore = "" } = props;
  const s = useStyles();
  const [open, setOpen] = useState(startOpen);
  const [item, setItem] = useState(items[0]?.id ?? "");
  const [score, setScore] = useState(initialScore);
  const [reason, setReason] = useState("");
  const [by, setBy] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  if (items.length === 0) return null;
  const chosen = items.find((i) => i.id === item) ?? items[0];
  const cents = centsOf(score);
  const scoreProblem =
    cents === null ? t.adjustScoreNumber : cents > chosen.max ? t.adjustScoreMax(formatCents(chosen.max)) : null;
  const reasonProblem = reason.trim() === "" ? t.adjustReasonMissing : null;
  if (!open) {
    return (
      <Button size="small" disabled={disabled} onClick={() => setOpen(true)}>
        {done ? t.adjustAgain : t.adjustOpen}
      </Button>
    );
  }
  const submit = async () => {
    setTried(true);
    if (scoreProblem || reasonProblem || cents === null) return;
    await onSubmit({
      unit,
      item: chosen.id,
      cents,
      reason: reason.trim(),
      ...(by.trim() ? { by: by.trim() } : {}),
      date: today(),
    });
    setOpen(false);
    setDone(true);
    setScore("");
    setReason("");
  };
  return (
    <section aria-label={t.adjustTitle} className={s.form}>
      <Text weight="semibold">{t.adjustTitle}</Text>
      <Text size={200}>{t.adjustLead(unit)}</Text>
      <Field label={t.adjustItem}>
        {items.length > 1 ? (
          <Select value={chosen.id} onChange={(_, d) => setItem(d.value)}>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {t.adjustItemOption(i.label, formatCents(i.current), formatCents(i.max))}
              </option>
            ))}
          </Select>
        ) : (
          <Text>{t.adjustItemOption(chosen.label, formatCents(chosen.current), formatCents(chosen.max))}</Text>
        )}
      </Field>
      <Field
        label={t.adjustScore}
        validationState={tried && scoreProblem ? "error" : "none"}
        validationMessage={tried && scoreProblem ? scoreProblem : undefined}
      >
        <Input type="number" min={0} value={score} onChange={(_, d) => setScore(d.value)} />
      </Field>
      <Field
        label={t.adjustReason}
        validationState={tried && reasonProblem ? "error" : "none"}
        validationMessage={tried && reasonProblem ? reasonProblem : undefined}
      >
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Field label={t.adjustBy}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={disabled} onClick={() => void submit()}>
          {t.adjustSubmit}
        </Button>{" "}
        <Button appearance="subtle" onClick={() => setOpen(false)}>
          {t.adjustCancel}
        </Button>
      </div>
    </section>
  );
}
