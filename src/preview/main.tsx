// The browser preview (npm run preview): the add-in's real task pane, in a frame of a task pane's width, beside a
// simulated Excel workbook drawn as a grid. The pane's page is the add-in's own (taskpane.html and its entry point),
// with office-shim.js where office.js would be; its Office host (src/hosts/office) runs unchanged against the same
// simulated Excel the host tests use (src/preview/excel/), loaded with the shared sample or any .xlsx the user opens.
import { FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { type DragEvent, useState } from "react";
import { createRoot } from "react-dom/client";
import { type Locale, pickLocale } from "../taskpane/strings";
import { Grid } from "./grid/Grid";
import { emptyWorkbook } from "./open";
import { useGlobal, useStyles } from "./page/styles";
import { TopBar } from "./page/TopBar";
import { useWorkbook } from "./page/use-workbook";
import { previewStrings } from "./strings";

/** A task pane's width in Excel (320–350 px). */
export const PANE_WIDTH = 340;

/** Chinese, as the pane starts in the county's Excel; ?lang=en opens it in English. */
function initialLocale(): Locale {
  return pickLocale(new URLSearchParams(window.location.search).get("lang") ?? undefined);
}

function Preview() {
  useGlobal();
  const s = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = previewStrings(locale);
  const { book, pane, version, status, lastSelection, show, load, loadSample, edited } = useWorkbook(locale);
  const [dragging, setDragging] = useState(false);

  const openFile = (file: File | undefined) => {
    if (file) void load(file.name, () => file.arrayBuffer());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  const excel = book?.excel;

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
        <TopBar
          t={t}
          locale={locale}
          openFile={openFile}
          onSample={() => void loadSample()}
          onEmpty={() => show(emptyWorkbook(t.emptyName), locale, book)}
          onLocale={(next) => {
            setLocale(next);
            if (book) show(book, next, book);
          }}
        />
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
