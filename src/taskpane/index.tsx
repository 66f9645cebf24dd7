// The task pane's entry: waits for Office, then renders the pane over the Office host (or the unsupported message, or
// outside Office the message to open it in Excel). It first marks itself started for the page's guard
// (src/guard/guard.js), which shows its own message where this bundle cannot run; it does not start after that.
import { createRoot } from "react-dom/client";
import { markStarted } from "../guard/started";
import { bootOffice } from "../hosts/office/office";
import { OfficeWorkbook } from "./office-workbook";
import { describeProblem } from "./problems";
import { App, Unsupported } from "./App";
import { pickLocale } from "./strings";

/** Opened in a browser, not in Excel (or office.js did not load): nothing to work on. Plain, like the page's guard
 * message: Fluent UI's message bar here would cost the bundle half a kilobyte (gzip) for a page no user works in. */
const notInOffice = (
  <main role="alert" style={{ padding: 12, fontFamily: '"Microsoft YaHei", "Segoe UI", sans-serif' }}>
    <p>请在 Excel 中打开此加载项</p>
    <p lang="en">Please open this add-in in Excel.</p>
  </main>
);

const container = document.getElementById("root");
if (container && markStarted()) {
  const root = createRoot(container);
  bootOffice()
    .then(({ env, supported, displayLanguage, inOffice }) => {
      const locale = pickLocale(displayLanguage);
      root.render(
        !inOffice ? (
          notInOffice
        ) : supported && env ? (
          <App workbook={new OfficeWorkbook(env)} locale={locale} />
        ) : (
          <Unsupported locale={locale} />
        ),
      );
    })
    .catch((e: unknown) => {
      const p = describeProblem(e);
      container.textContent = `${p.title.zh}：${p.message}`;
    });
}
