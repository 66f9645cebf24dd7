import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatCents, notApplicablePoints } from "../core";
import type { Outcome } from "./outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: tokens.spacingHorizontalS },
  figure: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  top: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  topTitle: { display: "block", marginTop: tokens.spacingVerticalS },
});

/** A unit is clean when it has no missing or invalid evidence (warnings do not count). */
export function counts(outcome: Outcome) {
  const units = outcome.report.units;
  const flagged = units.filter((u) => u.findings.some((f) => f.kind !== "warning")).length;
  return { scored: units.length, clean: units.length - flagged, flagged };
}

/** How much of the ranking came from 不适用 leaves: the units that gained from them, the points in all, the unit that
 * gained most (a ranking must never hide how much of a total came from a default, rules-2020.md). */
export function notApplicableSummary(outcome: Outcome): {
  units: number;
  cents: number;
  most: string;
  mostCents: number;
} {
  let units = 0;
  let cents = 0;
  let most = "";
  let mostCents = 0;
  for (const u of outcome.report.units) {
    const c = notApplicablePoints(u);
    if (c <= 0) continue;
    units++;
    cents += c;
    if (c > mostCents) [most, mostCents] = [u.unit, c];
  }
  return { units, cents, most, mostCents };
}

export function Summary({ outcome, t }: { outcome: Outcome; t: Strings }) {
  const s = useStyles();
  const c = counts(outcome);
  const na = notApplicableSummary(outcome);
  const policy = outcome.report.settings.naPolicy;
  return (
    <section aria-label={t.summary}>
      <div className={s.grid}>
        <div className={s.figure}>
          <Text className={s.number} data-testid="units-scored">
            {c.scored}
          </Text>
          <Text>{t.unitsScored}</Text>
        </div>
        <div className={s.figure}>
          <Text className={s.number} data-testid="units-clean">
            {c.clean}
          </Text>
          <Text>{t.clean}</Text>
        </div>
        <div className={s.figure}>
          <Text className={s.number} data-testid="units-flagged">
            {c.flagged}
          </Text>
          <Text>{t.withFindings}</Text>
        </div>
      </div>
      <Text weight="semibold" className={s.topTitle}>
        {t.top3}
      </Text>
      <ol className={s.top} aria-label={t.top3}>
        {outcome.ranking.slice(0, 3).map((r) => (
          <li key={r.unit}>
            {t.rank(r.rank)} {r.unit} · {t.points(r.total)}
          </li>
        ))}
      </ol>
      <Text size={200} block data-testid="na-summary">
        {t.naSummary(t.na[policy], na.units, formatCents(na.cents), na.most, formatCents(na.mostCents))}
      </Text>
      <Text size={200} block>
        {t.written(outcome.sheet)}
      </Text>
    </section>
  );
}
