// Checks a rulebook data file for the mistakes a new year's file is likely to have, before anything is scored.
import type { Rule, Rulebook } from "./types";

/** The fields a rule reads, in the order a sheet lays them out (whole before part). */
export function ruleFields(rule: Rule): string[] {
  switch (rule.kind) {
    case "perPresent":
      return [...rule.fields];
    case "stampedComplete":
      return [rule.stamped, rule.complete];
    case "ratio":
    case "ledgerTimeliness":
    case "rateSteps":
      return [rule.whole, rule.part];
    case "present":
    case "perCount":
    case "deductPerCount":
      return [rule.field];
  }
}

/** Every problem found, in words; empty when the rulebook is consistent. */
export function rulebookProblems(r: Rulebook): string[] {
  const problems: string[] = [];
  const fields = new Map(r.fields.map((f) => [f.id, f]));
  if (fields.size !== r.fields.length) problems.push("a field id is given twice");
  const headers = new Map<string, string>();
  for (const f of [r.unitField, ...r.fields]) {
    for (const h of [f.id, ...f.aliases]) {
      const other = headers.get(h);
      if (other !== undefined && other !== f.id) problems.push(`header ${h} names both ${other} and ${f.id}`);
      headers.set(h, f.id);
    }
    for (const ref of [f.partOf, f.requiredWhenYes, f.requiredWhenPositive]) {
      if (ref !== undefined && !fields.has(ref)) problems.push(`field ${f.id} refers to unknown field ${ref}`);
    }
  }
  const leafIds = new Set<string>();
  for (const leaf of r.leaves) {
    if (leafIds.has(leaf.id)) problems.push(`leaf ${leaf.id} is given twice`);
    leafIds.add(leaf.id);
    if (!r.indicators.some((i) => i.id === leaf.indicator)) {
      problems.push(`leaf ${leaf.id} belongs to unknown indicator ${leaf.indicator}`);
    }
    for (const f of ruleFields(leaf.rule))
      if (!fields.has(f)) problems.push(`leaf ${leaf.id} reads unknown field ${f}`);
    const rule = leaf.rule;
    if (rule.kind === "ratio" && rule.follows !== undefined) {
      const before = r.leaves.findIndex((l) => l.id === rule.follows) < r.leaves.indexOf(leaf);
      if (!before) problems.push(`leaf ${leaf.id} follows ${rule.follows}, which must come before it`);
    }
  }
  for (const ind of r.indicators) {
    const sum = r.leaves.filter((l) => l.indicator === ind.id).reduce((s, l) => s + Math.round(l.max * 100), 0);
    if (sum !== Math.round(ind.max * 100))
      problems.push(`indicator ${ind.id}'s leaves add up to ${sum / 100}, not ${ind.max}`);
  }
  for (const f of [r.bonus.field, r.bonus.reasonField, r.selfAssessment.field]) {
    if (!fields.has(f)) problems.push(`unknown field ${f}`);
  }
  if (!r.calendar.years.includes(r.year)) problems.push(`the calendar does not cover ${r.year}`);
  if (new Set(r.roster).size !== r.roster.length) problems.push("a unit is on the roster twice");
  return problems;
}
