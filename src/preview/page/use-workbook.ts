// The workbook the preview shows and the pane over it: opening the sample, a file or an empty workbook starts a new
// pane on it, as Excel starts one, and hands the pane's frame the simulated Excel (bridge.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import type { Locale } from "../../taskpane/strings";
import { HOST_KEY, type PreviewHost, type PreviewWindow } from "../bridge";
import { OpenError, type OpenWorkbook, openXlsx } from "../open";
import { previewStrings } from "../strings";

const SAMPLE = "sample-2020.xlsx";

/** When the pane's frame closes, Excel drops the event handlers its runtime added; so does the preview. */
function dropHandlers(book: OpenWorkbook | null): void {
  for (const sheet of book?.excel.doc.sheets ?? []) {
    sheet.changed.length = 0;
    sheet.selectionChanged.length = 0;
  }
}

export interface Status {
  text: string;
  error?: boolean;
}

export function useWorkbook(locale: Locale) {
  const [book, setBook] = useState<OpenWorkbook | null>(null);
  const [pane, setPane] = useState(0);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const lastSelection = useRef<string>("");

  /** Opens a workbook (or reopens the pane in another language): a new pane over it, as Excel starts one. */
  const show = useCallback((next: OpenWorkbook, lang: Locale, previous: OpenWorkbook | null) => {
    dropHandlers(previous);
    const excel = next.excel;
    const selectionKey = () =>
      excel.doc.selection ? `${excel.doc.selection.sheet}!${excel.doc.selection.address}` : "";
    lastSelection.current = selectionKey();
    const host: PreviewHost = {
      excel,
      displayLanguage: lang,
      changed: () => {
        setVersion((v) => v + 1);
        // The add-in selected a cell (a finding it was asked to show): Excel tells it, as for the user's own clicks.
        const key = selectionKey();
        if (key !== lastSelection.current && excel.doc.selection) {
          lastSelection.current = key;
          void excel.select(excel.doc.selection.sheet, excel.doc.selection.address);
        }
      },
    };
    (window as PreviewWindow)[HOST_KEY] = host;
    setBook(next);
    setPane((p) => p + 1);
    setVersion((v) => v + 1);
  }, []);

  const load = useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setStatus({ text: previewStrings(locale).opening(name) });
      try {
        const next = await openXlsx(name, await bytes());
        show(next, locale, book);
        setStatus(null);
      } catch (e) {
        setStatus({ text: e instanceof OpenError ? e.message : String(e), error: true });
      }
    },
    [book, locale, show],
  );

  const loadSample = useCallback(
    () =>
      load(SAMPLE, async () => {
        const r = await fetch(SAMPLE);
        if (!r.ok) throw new OpenError(`${SAMPLE}: HTTP ${r.status}`);
        return r.arrayBuffer();
      }),
    [load],
  );

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void loadSample();
  }, [loadSample]);
  const edited = () => setVersion((v) => v + 1);

  return { book, pane, version, status, lastSelection, show, load, loadSample, edited };
}
