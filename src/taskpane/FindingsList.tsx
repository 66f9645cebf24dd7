import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FoldButton } from "./FoldButton";
import { useState } from "react";
import { type ReportFinding, findingDetail } from "../core";
import type { Outcome } from "./outcome";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});

interface Group {
  readonly title: string;
  readonly findings: readonly ReportFinding[];
}

/** Findings grouped by unit in sheet order, then the workbook's own (ledger rows, absent columns). */
export function groups(outcome: Outcome, t: Strings): Group[] {
  const named = outcome.namedFindings;
  const shown = new Set<ReportFinding>();
  const out: Group[] = outcome.report.units
    .map((u) => {
      const more = named[u.unit] ?? [];
      for (const f of more) shown.add(f);
      return { title: u.unit || `#${u.row}`, findings: [...u.findings, ...more] };
    })
    .filter((g) => g.findings.length > 0);
  // a 核定调整 row not applied shows under the unit it names, not again under 工作簿
  const rest = outcome.report.findings.filter((f) => !shown.has(f));
  if (rest.length > 0) out.push({ title: t.workbookLevel, findings: rest });
  return out;
}

/** The groups, with only the findings `keep` takes; groups left empty are dropped. */
function only(all: Group[], keep: (f: ReportFinding) => boolean): Group[] {
  return all.map((g) => ({ ...g, findings: g.findings.filter(keep) })).filter((g) => g.findings.length > 0);
}

const COLORS = { missing: "warning", invalid: "danger", warning: "informative" } as const;

/** Missing and invalid evidence first, the cells to chase; notes (warnings) stay folded until asked for. */
export function FindingsList(props: { outcome: Outcome; t: Strings; onSelect: (sheet: string, cell: string) => void }) {
  const { outcome, t, onSelect } = props;
  const s = useStyles();
  const [notesOpen, setNotesOpen] = useState(false);
  const all = groups(outcome, t);
  if (all.length === 0) return <Text>{t.noFindings}</Text>;
  const problems = only(all, (f) => f.kind !== "warning");
  const notes = only(all, (f) => f.kind === "warning");
  const noteCount = notes.reduce((n, g) => n + g.findings.length, 0);
  const render = (g: Group) => (
    <div key={g.title} className={s.group} role="group" aria-label={g.title}>
      <Text weight="semibold">{g.title}</Text>
      <ul className={s.list}>
        {g.findings.map((f, i) => {
          const sheet = f.sheet ?? outcome.report.sheet;
          return (
            <li key={i} className={s.item}>
              <Badge appearance="tint" color={COLORS[f.kind]} className={s.badge}>
                {t.kind[f.kind]}
              </Badge>
              {f.cell ? (
                <Link as="button" title={t.goTo(f.cell)} onClick={() => onSelect(sheet, f.cell!)}>
                  {f.sheet ? `${f.sheet} ` : ""}
                  {f.cell} {findingDetail(f)}
                </Link>
              ) : (
                <Text>{findingDetail(f)}</Text>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
  return (
    <section aria-label={t.findings}>
      {problems.length > 0 ? problems.map(render) : <Text block>{t.noProblems}</Text>}
      {noteCount > 0 ? (
        <>
          <FoldButton open={notesOpen} controls="findings-notes" onToggle={() => setNotesOpen(!notesOpen)}>
            {t.notes(noteCount)}
          </FoldButton>
          {notesOpen ? <div id="findings-notes">{notes.map(render)}</div> : null}
        </>
      ) : null}
    </section>
  );
}
