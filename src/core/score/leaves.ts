// One leaf's score from a unit's readings, with a short Chinese explanation of how the number came about.
// Each rule kind cites the rulebook text it implements; the numbers come from the rulebook data.
// One function does both: scoring a large sheet asks for the number only (leafCents), and the explanation is built
// on demand from the same readings (scoreLeaf), so the two can never disagree.
import type { Settings } from "../../rules/settings";
import type { LeafDef, Rule } from "../../rules/types";
import { formatCents, formatPercent, pointsToCents, roundHalfUp, scaleCents } from "../exact";
import type { LedgerCount } from "../read/ledger";
import type { FieldValue } from "../read/units";
import { flattened } from "../text";

export interface LeafOutcome {
  /** Hundredths of a point; null when not applicable (the policy decides the score later). */
  readonly cents: number | null;
  readonly explain: string;
}

export interface LeafInput {
  readonly fields: ReadonlyMap<string, FieldValue>;
  /** This unit's ledger counts when the ledger sheet has rows of it in the year; null otherwise. */
  readonly ledger: LedgerCount | null;
  /** Whether the workbook has a ledger sheet (a unit without rows there is scored from its own 3.4 columns). */
  readonly ledgerSheet: boolean;
  /** Whether the unit has not reported (尚未填报): it is scored as all missing, with no 不适用 for blanks. */
  readonly unreported: boolean;
  /** A leaf already scored for this unit (for `follows`): its hundredths, null when not applicable, undefined when
   * not scored (yet). */
  done(leafId: string): number | null | undefined;
  readonly settings: Settings;
}

/** Where the explanation goes when one is wanted; null when only the number is. */
interface Why {
  text: string;
}

/** Records the explanation (the template is only evaluated when `why` is given) and returns the score. */
function told(why: Why | null, cents: number | null, text: string | false): number | null {
  if (why !== null && text !== false) why.text = text;
  return cents;
}

const pts = (cents: number): string => `${formatCents(cents)} 分`;

function count(input: LeafInput, field: string): number | null {
  const r = input.fields.get(field)?.reading;
  return r && r.state === "present" && r.count !== undefined ? r.count : null;
}
const present = (input: LeafInput, field: string): boolean => input.fields.get(field)?.reading.state === "present";
const why = (input: LeafInput, field: string): string =>
  input.fields.get(field)?.reading.state === "invalid" ? `${field}数据有误` : `${field}缺少材料`;

function ratio(
  max: number,
  part: number | null,
  whole: number,
  partName: string,
  wholeName: string,
  w: Why | null,
): number {
  const p = Math.min(part ?? 0, whole);
  const cents = scaleCents(max, p, whole);
  if (w !== null) {
    const note = part === null ? `（${partName}缺少材料或数据有误，按 0 计）` : "";
    w.text = `${partName} ${p} / ${wholeName} ${whole} = ${formatPercent(p, whole)}%，${formatCents(max)} × ${formatPercent(p, whole)}% = ${pts(cents)}${note}`;
  }
  return cents;
}

/** The leaf's hundredths, null when not applicable. */
export function leafCents(leaf: LeafDef, input: LeafInput, points: Points = pointsOf(leaf)): number | null {
  return evaluate(leaf, input, null, points);
}

/** The leaf's hundredths with the explanation of how they came about. */
export function scoreLeaf(leaf: LeafDef, input: LeafInput): LeafOutcome {
  const w: Why = { text: "" };
  const cents = evaluate(leaf, input, w);
  return { cents, explain: flattened(w.text) };
}

/** A leaf's point literals in hundredths: its max, and its rule's points (each: per item, per step, or stamped and
 * complete; alt: stamped only). Worked out once per leaf. */
export interface Points {
  readonly max: number;
  readonly each: number;
  readonly alt: number;
}
const POINTS = new WeakMap<LeafDef, Points>();
export function pointsOf(leaf: LeafDef): Points {
  let p = POINTS.get(leaf);
  if (!p) {
    const r = leaf.rule;
    const each =
      r.kind === "perPresent" || r.kind === "perCount" || r.kind === "deductPerCount"
        ? r.pointsEach
        : r.kind === "rateSteps"
          ? r.pointsPerStep
          : r.kind === "stampedComplete"
            ? r.both
            : 0;
    const alt = r.kind === "stampedComplete" ? r.stampedOnly : 0;
    p = { max: pointsToCents(leaf.max), each: pointsToCents(each), alt: pointsToCents(alt) };
    POINTS.set(leaf, p);
  }
  return p;
}

function evaluate(leaf: LeafDef, input: LeafInput, w: Why | null, points: Points = pointsOf(leaf)): number | null {
  const { max, each, alt } = points;
  const rule: Rule = leaf.rule;
  switch (rule.kind) {
    case "perPresent": {
      // 少1项扣1分
      let have = 0;
      for (const f of rule.fields) if (present(input, f)) have++;
      const cents = Math.min(max, have * each);
      if (w !== null) {
        const lack = rule.fields.filter((f) => !present(input, f));
        const lacking = lack.length ? `，缺 ${lack.length} 项（${lack.join("、")}）` : "";
        w.text = `已有 ${have} 项${lacking}：每项 ${pts(each)}，得 ${pts(cents)}`;
      }
      return cents;
    }
    case "stampedComplete": {
      const stamped = present(input, rule.stamped);
      const complete = present(input, rule.complete);
      if (!stamped) return told(w, 0, `目录未盖章确认，得 0 分`);
      const cents = complete ? each : alt;
      return told(
        w,
        cents,
        w !== null &&
          (complete ? `已盖章确认且目录完整，得 ${pts(cents)}` : `已盖章确认但目录不完整，得 ${pts(cents)}`),
      );
    }
    case "ratio": {
      const whole = count(input, rule.whole);
      if (whole === null || whole === 0) {
        if (rule.follows) {
          const na = input.done(rule.follows) === null;
          return na
            ? told(w, null, w !== null && `${rule.whole}为 0，与 ${rule.follows} 同为不适用`)
            : told(
                w,
                0,
                w !== null &&
                  `${whole === null ? why(input, rule.whole) : `${rule.whole}为 0`}，没有可计质量的信息，得 0 分`,
              );
        }
        if (whole === null) return told(w, 0, w !== null && `${why(input, rule.whole)}，得 0 分`);
        return told(w, null, w !== null && `${rule.whole}为 0，不适用`);
      }
      return ratio(max, count(input, rule.part), whole, rule.part, rule.whole, w);
    }
    case "ledgerTimeliness": {
      if (input.ledger) {
        const { due, onTime, lateRows } = input.ledger;
        if (due === 0) return told(w, null, `双公示台账中本年度无应公示信息，不适用`);
        const cents = scaleCents(max, onTime, due);
        if (w !== null) {
          const late = lateRows.length
            ? `；逾期或未公示见台账第 ${lateRows.slice(0, 8).join("、")}${lateRows.length > 8 ? " 等" : ""} 行`
            : "";
          w.text = `双公示台账应公示 ${due} 条，${rule.workingDays} 个工作日内公示 ${onTime} 条 = ${formatPercent(onTime, due)}%，${formatCents(max)} × ${formatPercent(onTime, due)}% = ${pts(cents)}${late}`;
        }
        return cents;
      }
      // Without rows in the ledger (or without a ledger): the unit's own 应公示/按时公示 figures (rules-2020.md 3.4).
      const whole = count(input, rule.whole);
      const own = input.ledgerSheet ? "双公示台账中没有该单位的记录，按考核表填报数计：" : "";
      if (whole === null) {
        const blank = (input.fields.get(rule.whole)?.reading.state ?? "missing") === "missing";
        if (input.ledgerSheet && blank && !input.unreported) {
          return told(
            w,
            null,
            w !== null && `双公示台账中没有该单位的记录，考核表也未填${rule.whole}，按不适用计（请核实）`,
          );
        }
        return told(w, 0, w !== null && `${own}${why(input, rule.whole)}，得 0 分`);
      }
      if (whole === 0) return told(w, null, w !== null && `${own}${rule.whole}为 0，不适用`);
      const cents = ratio(max, count(input, rule.part), whole, rule.part, rule.whole, w);
      if (w !== null) w.text = `${own}${w.text}`;
      return cents;
    }
    case "present": {
      const ok = present(input, rule.field);
      return ok
        ? told(w, max, w !== null && `${rule.field}：已建立，得 ${pts(max)}`)
        : told(w, 0, w !== null && `${rule.field}：未建立或缺少材料，得 0 分`);
    }
    case "perCount": {
      const n = count(input, rule.field);
      if (n === null) return told(w, 0, w !== null && `${why(input, rule.field)}，得 0 分`);
      const raw = n * each; // both non-negative integers: an unsafe product is far above the cap anyway
      const over = !Number.isSafeInteger(raw) || raw > max;
      const cents = over ? max : raw;
      if (w !== null) {
        const product = Number.isSafeInteger(raw) ? formatCents(raw) : `${formatCents(max)} 以上`;
        w.text = `${rule.label} ${n} ${rule.unit} × ${formatCents(each)} = ${over ? `${product}，超过上限 ${formatCents(max)}，得 ${pts(cents)}` : `${pts(cents)}（上限 ${formatCents(max)}）`}`;
      }
      return cents;
    }
    case "rateSteps": {
      // 八: 占比达80%的不扣分；占比80%以下的，每降10个百分点扣1分
      const whole = count(input, rule.whole);
      if (whole === null) return told(w, 0, w !== null && `${why(input, rule.whole)}，得 0 分`);
      if (whole === 0) return told(w, null, w !== null && `${rule.whole}为 0，不适用`);
      const part = Math.min(count(input, rule.part) ?? 0, whole);
      const rate =
        w !== null && `参与 ${part} 家 / ${rule.whole.replace(/数$/, "")} ${whole} 家 = ${formatPercent(part, whole)}%`;
      // shortfall in percentage points = T − 100·p/w = (T·w − 100·p) / w
      const shortNum = BigInt(rule.thresholdPct) * BigInt(whole) - 100n * BigInt(part);
      if (shortNum <= 0n) {
        return told(w, max, w !== null && `${rate}，达到 ${rule.thresholdPct}%，不扣分，得 ${pts(max)}`);
      }
      const stepDen = BigInt(rule.stepPct) * BigInt(whole);
      const perStep = BigInt(each);
      const policy = input.settings.steps;
      let deduct: bigint;
      let steps = 0n;
      switch (policy) {
        case "ceil":
          steps = (shortNum + stepDen - 1n) / stepDen;
          deduct = steps * perStep;
          break;
        case "floor":
          steps = shortNum / stepDen;
          deduct = steps * perStep;
          break;
        case "prorata":
          deduct = roundHalfUp(shortNum * perStep, stepDen);
          break;
      }
      const cents = Math.max(0, max - Number(deduct));
      if (w !== null) {
        const how =
          policy === "ceil"
            ? `扣 ${formatCents(Number(deduct))} 分（不足 ${rule.stepPct} 个百分点的按 ${rule.stepPct} 个百分点计）`
            : policy === "floor"
              ? `扣 ${formatCents(Number(deduct))} 分（不足 ${rule.stepPct} 个百分点的不计）`
              : `按比例扣 ${formatCents(Number(deduct))} 分`;
        w.text = `${rate}，低于 ${rule.thresholdPct}%，每降 ${rule.stepPct} 个百分点扣 ${formatCents(Number(perStep))} 分：${how}，得 ${pts(cents)}`;
      }
      return cents;
    }
    case "deductPerCount": {
      // 十: 未参加…每次扣1分; bad data never earns points
      const n = count(input, rule.field);
      if (n === null) return told(w, 0, w !== null && `${why(input, rule.field)}，得 0 分`);
      const deduct = n * each; // an unsafe product is far above max: the floor 0 applies
      const floored = !Number.isSafeInteger(deduct) || deduct >= max;
      const cents = floored ? 0 : max - deduct;
      if (w !== null) {
        const minus = Number.isSafeInteger(deduct) ? formatCents(deduct) : `${formatCents(max)} 以上`;
        w.text = `${rule.label} ${n} ${rule.unit}，每次扣 ${formatCents(each)} 分：${formatCents(max)} − ${minus}${floored ? "，最低 0 分" : ""} = ${pts(cents)}`;
      }
      return cents;
    }
  }
}
