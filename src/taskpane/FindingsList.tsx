import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportFinding } from "../core";
import type { Outcome } from "../hosts/office/outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline" },
});

interface Group {
  readonly title: string;
  readonly findings: readonly ReportFinding[];
}

/** Findings grouped by unit in sheet order, then the workbook's own (ledger rows, absent columns). */
export function groups(outcome: Outcome, t: Strings): Group[] {
  const out: Group[] = outcome.report.units
    .filter((u) => u.findings.length > 0)
    .map((u) => ({ title: u.unit || `#${u.row}`, findings: u.findings }));
  if (outcome.report.findings.length > 0) out.push({ title: t.workbookLevel, findings: outcome.report.findings });
  return out;
}

const COLORS = { missing: "warning", invalid: "danger", warning: "informative" } as const;

export function FindingsList(props: { outcome: Outcome; t: Strings; onSelect: (sheet: string, cell: string) => void }) {
  const { outcome, t, onSelect } = props;
  const s = useStyles();
  const all = groups(outcome, t);
  if (all.length === 0) return <Text>{t.noFindings}</Text>;
  return (
    <section aria-label={t.findings}>
      {all.map((g) => (
        <div key={g.title} className={s.group} role="group" aria-label={g.title}>
          <Text weight="semibold">{g.title}</Text>
          <ul className={s.list}>
            {g.findings.map((f, i) => {
              const sheet = f.sheet ?? outcome.report.sheet;
              return (
                <li key={i} className={s.item}>
                  <Badge appearance="tint" color={COLORS[f.kind]}>
                    {t.kind[f.kind]}
                  </Badge>
                  {f.cell ? (
                    <Link as="button" title={t.goTo(f.cell)} onClick={() => onSelect(sheet, f.cell!)}>
                      {f.sheet ? `${f.sheet}!` : ""}
                      {f.cell} {f.message}
                    </Link>
                  ) : (
                    <Text>{f.message}</Text>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
