// Every rulebook the tool knows. A new year's 考核办法 is a new data file beside hengdong-2020.ts, listed here.
import { HENGDONG_2020 } from "./hengdong-2020";
import type { Rulebook } from "./types";

export const RULEBOOKS: readonly Rulebook[] = [HENGDONG_2020];
export const DEFAULT_RULEBOOK: Rulebook = HENGDONG_2020;

export function findRulebook(id: string): Rulebook | undefined {
  return RULEBOOKS.find((r) => r.id === id);
}

export type { Rulebook } from "./types";
export { rulebookProblems } from "./validate";
