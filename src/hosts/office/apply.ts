/// <reference types="office-js" />
// Applies a WritePlan: writes only what the plan names (score columns, fills on flagged and fixed cells, the 考核排名
// tab and the memory), as ops (score-ops.ts, fill-ops.ts, ranking-ops.ts, the memory's here) packed into as few syncs
// as the payload budget allows: one for a county's workbook, m = ⌈request bytes ÷ SYNC_BUDGET⌉ (about) for a big one.
import { type WritePlan } from "../../core";
import { COMMAND_BYTES, jsonBytes, pack } from "./budget";
import { fillOps } from "./fill-ops";
import { type Io, inTurn } from "./io";
import type { FormatAt, Op } from "./op";
import { rankingOps } from "./ranking-ops";
import { scoreOps } from "./score-ops";

/** The tool's memory (encodeMemory chunks) into column A of its very hidden sheet, made when missing. */
export function queueState(workbook: Excel.Workbook, name: string, chunks: readonly string[], exists: boolean): void {
  const sheet = exists ? workbook.worksheets.getItem(name) : workbook.worksheets.add(name);
  if (exists) sheet.getRange("A:A").clear("Contents");
  const cells = sheet.getRangeByIndexes(0, 0, chunks.length, 1);
  // Text format first, so a chunk that looks like a number or a formula stays text.
  cells.numberFormat = chunks.map(() => ["@"]);
  cells.values = chunks.map((c) => [c]);
  // veryHidden: not listed under Unhide, so the office does not stumble on it.
  sheet.visibility = "VeryHidden";
}

export interface ApplyContext {
  /** Every sheet name in the workbook before the plan is applied. */
  readonly names: readonly string[];
  /** Number formats read, so that one already in place is not sent again. */
  readonly formatAt?: FormatAt;
  /** Sheets whose fills are left alone (a protected ledger). */
  readonly skipFills?: ReadonlySet<string>;
  /** The memory to write before anything else (memory.ts, interimMemory); the plan's own is written last. */
  readonly interimChunks?: readonly string[];
  /** The memory as read (column A of the tool's sheet), or null when there was none: a memory already in place is
   * not written again. Undefined: unknown, always written. */
  readonly memoryRead?: readonly unknown[] | null;
  /** False when 考核排名 already shows what the plan holds (core pendingWrites): it is not rebuilt. */
  readonly writeRanking?: boolean;
}

/** The whole plan as ops, in the order they must reach Excel: the memory first (so that a run cut short between two
 * syncs never leaves a highlight the memory does not know, whose own fill would be lost), then fills, score cells,
 * the ranking tab, and the final memory. */
export function planOps(plan: WritePlan, at: ApplyContext): Op[] {
  const present = new Set(at.names);
  const stateOp = (chunks: readonly string[], exists: boolean): Op => ({
    bytes: 6 * COMMAND_BYTES + jsonBytes(chunks) * 2,
    queue: (workbook) => queueState(workbook, plan.memorySheet, chunks, exists),
  });
  const body = [
    ...fillOps(plan, present, at.skipFills ?? new Set()),
    ...scoreOps(plan, at.formatAt ?? (() => undefined)),
    ...(at.writeRanking === false ? [] : rankingOps(plan.ranking, at.names.indexOf(plan.ranking.name))),
  ];
  // The memory is written only where it changes: a run that finds nothing new writes nothing at all.
  const read =
    at.memoryRead === undefined ? undefined : at.memoryRead?.map((c) => (typeof c === "string" ? c : "")).join("");
  const first = body.length > 0 ? (at.interimChunks ?? plan.memoryChunks) : plan.memoryChunks;
  const firstText = first.join("");
  const writeFirst = read === undefined || read === null || firstText !== read;
  const writeFinal = firstText !== plan.memoryChunks.join("");
  return [
    ...(writeFirst ? [stateOp(first, present.has(plan.memorySheet))] : []),
    ...body,
    ...(writeFinal ? [stateOp(plan.memoryChunks, true)] : []),
  ];
}

/** Sends the ops in as few syncs as SYNC_BUDGET allows: m syncs, m = the ops packed by their request bytes. */
export async function applyOps(io: Io, ops: readonly Op[]): Promise<void> {
  await inTurn(
    pack(ops, (op) => op.bytes),
    async (group) => {
      for (const op of group) op.queue(io.context.workbook);
      await io.sync();
    },
  );
}
