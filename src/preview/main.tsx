// The browser preview (npm run preview): the add-in's real task pane, in a frame of a task pane's width, beside a
// simulated Excel workbook drawn as a grid. The pane's page is the add-in's own (taskpane.html and its entry point),
// with office-shim.js where office.js would be; its Office host (src/hosts/office) runs unchanged against the same
// simulated Excel the host tests use (src/preview/excel.ts), loaded with the shared sample or any .xlsx the user opens.
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStaticStyles,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { type ChangeEvent, type DragEvent, useCallback, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { type Locale, pickLocale } from "../taskpane/strings";
import { HOST_KEY, type PreviewHost, type PreviewWindow } from "./bridge";
import { Grid } from "./grid/Grid";
import { OpenError, type OpenWorkbook, emptyWorkbook, openXlsx } from "./open";
import { previewStrings } from "./strings";

const SAMPLE = "sample-2020.xlsx";
/** A task pane's width in Excel (320–350 px). */
export const PANE_WIDTH = 340;

const useGlobal = makeStaticStyles({ "html, body": { margin: 0, padding: 0 } });

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto minmax(0, 1fr)",
    gridTemplateColumns: "minmax(0, 1fr)",
    height: "100vh",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "#217346",
    color: "#FFFFFF",
  },
  title: { color: "#FFFFFF", marginRight: tokens.spacingHorizontalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  lang: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: "#FFFFFF" },
  intro: {
    flexBasis: "100%",
    color: "#FFFFFF",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  main: { display: "flex", minHeight: 0 },
  sheet: { flex: "1 1 auto", minWidth: 0, display: "flex", flexDirection: "column" },
  status: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  pane: {
    flex: "0 0 auto",
    display: "flex",
    flexDirection: "column",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paneTitle: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  frame: { flex: "1 1 auto", border: "none", width: "100%", display: "block" },
  drop: {
    position: "fixed",
    inset: 0,
    zIndex: 10,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(33, 115, 70, 0.85)",
    color: "#FFFFFF",
    fontSize: tokens.fontSizeHero700,
    pointerEvents: "none",
  },
});

/** Chinese, as the pane starts in the county's Excel; ?lang=en opens it in English. */
function initialLocale(): Locale {
  return pickLocale(new URLSearchParams(window.location.search).get("lang") ?? undefined);
}

/** When the pane's frame closes, Excel drops the event handlers its runtime added; so does the preview. */
function dropHandlers(book: OpenWorkbook | null): void {
  for (const sheet of book?.excel.doc.sheets ?? []) {
    sheet.changed.length = 0;
    sheet.selectionChanged.length = 0;
  }
}

function Preview() {
  useGlobal();
  const s = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = previewStrings(locale);
  const [book, setBook] = useState<OpenWorkbook | null>(null);
  const [pane, setPane] = useState(0);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
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

  const openFile = (file: File | undefined) => {
    if (file) void load(file.name, () => file.arrayBuffer());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  const excel = book?.excel;
  const edited = () => setVersion((v) => v + 1);

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div
        className={s.page}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.relatedTarget === null) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <header className={s.top}>
          <Text as="h1" size={400} weight="semibold" className={s.title}>
            {t.title}
          </Text>
          <div className={s.actions}>
            <Button size="small" onClick={() => fileInput.current?.click()}>
              {t.open}
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="open-file"
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                openFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
            <Button size="small" onClick={() => void loadSample()}>
              {t.sample}
            </Button>
            <Button size="small" onClick={() => show(emptyWorkbook(t.emptyName), locale, book)}>
              {t.empty}
            </Button>
          </div>
          <label className={s.lang}>
            <Text size={200} style={{ color: "inherit" }}>
              {t.language}
            </Text>
            <Select
              size="small"
              value={locale}
              onChange={(_, d) => {
                const next = d.value as Locale;
                setLocale(next);
                if (book) show(book, next, book);
              }}
            >
              <option value="zh-CN">中文</option>
              <option value="en-US">English</option>
            </Select>
          </label>
          <p className={s.intro}>
            {t.intro} {t.drop}
          </p>
        </header>
        <main className={s.main}>
          <section className={s.sheet} aria-label={book ? t.opened(book.name) : t.title}>
            {status ? (
              <MessageBar intent={status.error ? "error" : "info"} role={status.error ? "alert" : "status"}>
                <MessageBarBody>{status.text}</MessageBarBody>
              </MessageBar>
            ) : null}
            {book ? (
              <div className={s.status} data-testid="workbook-name">
                {t.opened(book.name)}
              </div>
            ) : null}
            {excel && book ? (
              <Grid
                key={pane}
                excel={excel}
                looks={book.looks}
                version={version}
                t={t}
                onActivate={(name) => {
                  excel.doc.active = name;
                  edited();
                }}
                onSelect={(sheet, address) => {
                  lastSelection.current = `${sheet}!${address}`;
                  void excel.select(sheet, address).then(edited);
                  edited();
                }}
                onEdit={(sheet, address, text) => {
                  void excel.edit(sheet, address, text === "" ? null : text).then(edited);
                  edited();
                }}
              />
            ) : null}
          </section>
          <aside className={s.pane} style={{ width: PANE_WIDTH }} aria-label={t.pane}>
            <Text weight="semibold" className={s.paneTitle}>
              {t.paneTitle}
            </Text>
            {book ? (
              <iframe key={pane} className={s.frame} src="taskpane.html" title={t.paneTitle} data-testid="pane" />
            ) : null}
          </aside>
        </main>
        {dragging ? (
          <div className={s.drop} aria-hidden="true">
            {t.dropHere}
          </div>
        ) : null}
      </div>
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Preview />);
