// One leaf's score from a unit's readings, with a short Chinese explanation of how the number came about.
// Each rule kind cites the rulebook text it implements; the numbers come from the rulebook data.
import type { Settings } from "../../rules/settings";
import type { LeafDef, Rule } from "../../rules/types";
import { formatCents, formatPercent, pointsToCents, roundHalfUp, scaleCents } from "../exact";
import type { LedgerCount } from "../read/ledger";
import type { FieldValue } from "../read/units";

export interface LeafOutcome {
  /** Hundredths of a point; null when not applicable (the policy decides the score later). */
  readonly cents: number | null;
  readonly explain: string;
}

export interface LeafInput {
  readonly fields: ReadonlyMap<string, FieldValue>;
  /** This unit's ledger counts when the workbook has a ledger sheet (absent unit: zero rows). */
  readonly ledger: LedgerCount | null;
  /** Leaves already scored for this unit (for `follows`). */
  readonly done: ReadonlyMap<string, LeafOutcome>;
  readonly settings: Settings;
}

const pts = (cents: number): string => `${formatCents(cents)} 分`;

function count(input: LeafInput, field: string): number | null {
  const r = input.fields.get(field)?.reading;
  return r && r.state === "present" && r.count !== undefined ? r.count : null;
}
const present = (input: LeafInput, field: string): boolean => input.fields.get(field)?.reading.state === "present";
const why = (input: LeafInput, field: string): string =>
  input.fields.get(field)?.reading.state === "invalid" ? `${field}有误` : `${field}缺失`;

function ratio(max: number, part: number | null, whole: number, partName: string, wholeName: string): LeafOutcome {
  const p = Math.min(part ?? 0, whole);
  const cents = scaleCents(max, p, whole);
  const note = part === null ? `（${partName}缺失或有误，按 0 计）` : "";
  return {
    cents,
    explain: `${partName} ${p} / ${wholeName} ${whole} = ${formatPercent(p, whole)}%，${formatCents(max)} × ${formatPercent(p, whole)}% = ${pts(cents)}${note}`,
  };
}

export function scoreLeaf(leaf: LeafDef, input: LeafInput): LeafOutcome {
  const max = pointsToCents(leaf.max);
  const rule: Rule = leaf.rule;
  switch (rule.kind) {
    case "perPresent": {
      // 少1项扣1分
      const have = rule.fields.filter((f) => present(input, f));
      const lack = rule.fields.filter((f) => !present(input, f));
      const each = pointsToCents(rule.pointsEach);
      const cents = Math.min(max, have.length * each);
      const lacking = lack.length ? `，缺 ${lack.length} 项（${lack.join("、")}）` : "";
      return { cents, explain: `已有 ${have.length} 项${lacking}：每项 ${pts(each)}，得 ${pts(cents)}` };
    }
    case "stampedComplete": {
      const stamped = present(input, rule.stamped);
      const complete = present(input, rule.complete);
      if (!stamped) return { cents: 0, explain: `目录未盖章确认，得 0 分` };
      const cents = pointsToCents(complete ? rule.both : rule.stampedOnly);
      return {
        cents,
        explain: complete ? `已盖章确认且目录完整，得 ${pts(cents)}` : `已盖章确认但目录不完整，得 ${pts(cents)}`,
      };
    }
    case "ratio": {
      const whole = count(input, rule.whole);
      if (whole === null || whole === 0) {
        if (rule.follows) {
          const na = input.done.get(rule.follows)?.cents === null;
          return na
            ? { cents: null, explain: `${rule.whole}为 0，与 ${rule.follows} 同为不适用` }
            : {
                cents: 0,
                explain: `${whole === null ? why(input, rule.whole) : `${rule.whole}为 0`}，没有可计质量的信息，得 0 分`,
              };
        }
        if (whole === null) return { cents: 0, explain: `${why(input, rule.whole)}，得 0 分` };
        return { cents: null, explain: `${rule.whole}为 0，不适用` };
      }
      return ratio(max, count(input, rule.part), whole, rule.part, rule.whole);
    }
    case "ledgerTimeliness": {
      if (input.ledger) {
        const { due, onTime, lateRows } = input.ledger;
        if (due === 0) return { cents: null, explain: `双公示台账中本年度无应公示信息，不适用` };
        const cents = scaleCents(max, onTime, due);
        const late = lateRows.length
          ? `；逾期或未公示见台账第 ${lateRows.slice(0, 8).join("、")}${lateRows.length > 8 ? " 等" : ""} 行`
          : "";
        return {
          cents,
          explain: `双公示台账应公示 ${due} 条，${rule.workingDays} 个工作日内公示 ${onTime} 条 = ${formatPercent(onTime, due)}%，${formatCents(max)} × ${formatPercent(onTime, due)}% = ${pts(cents)}${late}`,
        };
      }
      const whole = count(input, rule.whole);
      if (whole === null) return { cents: 0, explain: `${why(input, rule.whole)}，得 0 分` };
      if (whole === 0) return { cents: null, explain: `${rule.whole}为 0，不适用` };
      return ratio(max, count(input, rule.part), whole, rule.part, rule.whole);
    }
    case "present": {
      const ok = present(input, rule.field);
      return ok
        ? { cents: max, explain: `${rule.field}：已建立，得 ${pts(max)}` }
        : { cents: 0, explain: `${rule.field}：未建立或缺少材料，得 0 分` };
    }
    case "perCount": {
      const n = count(input, rule.field);
      if (n === null) return { cents: 0, explain: `${why(input, rule.field)}，得 0 分` };
      const each = pointsToCents(rule.pointsEach);
      const raw = n * each; // both non-negative integers: an unsafe product is far above the cap anyway
      const over = !Number.isSafeInteger(raw) || raw > max;
      const cents = over ? max : raw;
      const product = Number.isSafeInteger(raw) ? formatCents(raw) : `${formatCents(max)} 以上`;
      return {
        cents,
        explain: `${rule.label} ${n} ${rule.unit} × ${formatCents(each)} = ${over ? `${product}，超过上限 ${formatCents(max)}，得 ${pts(cents)}` : `${pts(cents)}（上限 ${formatCents(max)}）`}`,
      };
    }
    case "rateSteps": {
      // 八: 占比达80%的不扣分；占比80%以下的，每降10个百分点扣1分
      const whole = count(input, rule.whole);
      if (whole === null) return { cents: 0, explain: `${why(input, rule.whole)}，得 0 分` };
      if (whole === 0) return { cents: null, explain: `${rule.whole}为 0，不适用` };
      const part = Math.min(count(input, rule.part) ?? 0, whole);
      const rate = `参与 ${part} 家 / ${rule.whole.replace(/数$/, "")} ${whole} 家 = ${formatPercent(part, whole)}%`;
      // shortfall in percentage points = T − 100·p/w = (T·w − 100·p) / w
      const shortNum = BigInt(rule.thresholdPct) * BigInt(whole) - 100n * BigInt(part);
      if (shortNum <= 0n) return { cents: max, explain: `${rate}，达到 ${rule.thresholdPct}%，不扣分，得 ${pts(max)}` };
      const stepDen = BigInt(rule.stepPct) * BigInt(whole);
      const perStep = BigInt(pointsToCents(rule.pointsPerStep));
      let deduct: bigint;
      let how: string;
      switch (input.settings.steps) {
        case "ceil": {
          const steps = (shortNum + stepDen - 1n) / stepDen;
          deduct = steps * perStep;
          how = `扣 ${steps} 档（不足一档按一档计）`;
          break;
        }
        case "floor": {
          const steps = shortNum / stepDen;
          deduct = steps * perStep;
          how = `扣 ${steps} 档（只计整档）`;
          break;
        }
        case "prorata":
          deduct = roundHalfUp(shortNum * perStep, stepDen);
          how = `按比例扣 ${formatCents(Number(deduct))} 分`;
          break;
      }
      const cents = Math.max(0, max - Number(deduct));
      return {
        cents,
        explain: `${rate}，低于 ${rule.thresholdPct}%，每降 ${rule.stepPct} 个百分点扣 ${formatCents(Number(perStep))} 分：${how}，得 ${pts(cents)}`,
      };
    }
    case "deductPerCount": {
      // 十: 未参加…每次扣1分; bad data never earns points
      const n = count(input, rule.field);
      if (n === null) return { cents: 0, explain: `${why(input, rule.field)}，得 0 分` };
      const each = pointsToCents(rule.pointsEach);
      const deduct = n * each; // an unsafe product is far above max: the floor 0 applies
      const floored = !Number.isSafeInteger(deduct) || deduct >= max;
      const cents = floored ? 0 : max - deduct;
      const minus = Number.isSafeInteger(deduct) ? formatCents(deduct) : `${formatCents(max)} 以上`;
      return {
        cents,
        explain: `${rule.label} ${n} ${rule.unit}，每次扣 ${formatCents(each)} 分：${formatCents(max)} − ${minus}${floored ? "，最低 0 分" : ""} = ${pts(cents)}`,
      };
    }
  }
}
