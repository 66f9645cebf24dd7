// The bundle's half of the guard (src/guard/guard.js, inlined into the task pane's page ahead of everything): the
// task pane's entry calls markStarted() first, once every module it imports (React, Fluent UI) has loaded. Until then
// the guard takes an error from the bundle, or a page loaded without the mark, for a webview that cannot run it.
const STARTED = "__xinyongStarted";
const UNSUPPORTED = "__xinyongUnsupported";

/** Marks the bundle started; false (and nothing marked) when the guard has already found the webview unable to run
 * it and shows its message instead. */
export function markStarted(): boolean {
  const w = globalThis as unknown as Record<string, unknown>;
  if (w[UNSUPPORTED] === true) return false;
  w[STARTED] = true;
  return true;
}
