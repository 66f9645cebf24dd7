// The task pane's entry: waits for Office, then renders the pane over the Office host (or the unsupported message).
import { createRoot } from "react-dom/client";
import { bootOffice } from "../hosts/office/office";
import { OfficeWorkbook } from "../hosts/office/workbook";
import { describeProblem } from "../hosts/office/errors";
import { App, Unsupported } from "./App";
import { pickLocale } from "./strings";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  bootOffice()
    .then(({ env, supported, displayLanguage }) => {
      const locale = pickLocale(displayLanguage);
      root.render(
        supported && env ? <App workbook={new OfficeWorkbook(env)} locale={locale} /> : <Unsupported locale={locale} />,
      );
    })
    .catch((e: unknown) => {
      const p = describeProblem(e);
      container.textContent = `${p.title.zh}：${p.message}`;
    });
}
