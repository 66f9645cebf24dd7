import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { FoldButton } from "./FoldButton";
import { useState } from "react";
import { formatCents } from "../core";
import type { Outcome } from "./outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** At most this many units are listed; the rest are counted. */
const SHOWN = 50;

/** 自评对比: units whose 自评总分 differs from the total by the 自评差距 setting or more, largest gap first, so they
 * are not lost among the other notes (第五条 自查自评与综合评定相结合). */
export function SelfGaps({ outcome, t }: { outcome: Outcome; t: Strings }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const gaps = outcome.selfGaps;
  return (
    <section aria-label={t.selfGapsTitle}>
      <Text as="h2" block weight="semibold">
        {t.selfGapsTitle}
      </Text>
      {gaps.length === 0 ? (
        <Text block size={200}>
          {t.selfGapsNone(outcome.selfGap)}
        </Text>
      ) : (
        <>
          <FoldButton open={open} controls="self-gaps" onToggle={() => setOpen(!open)}>
            {t.selfGapsLead(gaps.length, outcome.selfGap)}
          </FoldButton>
          {open ? (
            <ol id="self-gaps" className={s.list} aria-label={t.selfGapsTitle}>
              {gaps.slice(0, SHOWN).map((g) => (
                <li key={g.row}>
                  {t.selfGapLine(g.unit, formatCents(g.self), formatCents(g.total), formatCents(g.gap))}
                </li>
              ))}
            </ol>
          ) : null}
          {open && gaps.length > SHOWN ? <Text size={200}>{t.selfGapsMore(gaps.length - SHOWN)}</Text> : null}
        </>
      )}
    </section>
  );
}
