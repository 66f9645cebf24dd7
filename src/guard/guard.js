// The guard: the first script of the task pane (taskpane.html) and of the ribbon's function file (commands.html).
// Plain ES5, hand-written, inlined into the page by webpack.config.js, so that it runs where the add-in's bundles
// cannot: Microsoft 365 builds that render add-ins in Trident (IE 11) or EdgeHTML pass the manifest's ExcelApi 1.9
// gate, but cannot parse the ES2022 bundles or run React 19. Without the guard the pane would hang on 正在加载 and
// 重新计算 would do nothing. Keep it ES5: no let/const, arrow functions, template literals, classes, default
// parameters or spread (test/e2e/guard.test.ts parses it as ES5).
//
// How it tells (no eval, no new Function: the pane's Content-Security-Policy has no 'unsafe-eval'):
//  1. Up front, the built-ins the bundle's syntax implies: an engine that parses its ES2020+ syntax (optional
//     chaining, ??) has globalThis, Object.fromEntries and Promise.allSettled; Trident has none of them, EdgeHTML
//     18 none of the three either. No false alarm is possible on an engine that can run the bundle.
//  2. Then the bundle itself: it marks itself started when its entry runs (the pane sets window.__xinyongStarted
//     through src/guard/started.ts; the function file defines window.recalculate, the manifest's FunctionName). An
//     uncaught error from one of the page's deferred scripts (the bundle) before that mark, a SyntaxError above all,
//     or no mark by the page's load event (the bundle did not load or run), is a failure too.
// On failure the task pane shows the message in place of 正在加载; the function file completes the ribbon's command
// (Office.actions.associate or the global recalculate, as src/commands/commands.ts does) after showing the message in
// dialog.html, which reads it without the bundle. <html data-guard-failed> says why (features, error, not-started).
(function () {
  "use strict";
  var ZH = "此版本的 Excel 无法运行信用考核助手。请更新 Excel，或请信息技术人员安装微软的网页运行组件，然后重试。";
  var EN =
    "This version of Office cannot run the assistant. Update Office (Microsoft 365) or install the Microsoft Edge WebView2 Runtime, then try again.";
  var root = document.documentElement;
  var isCommand = root.getAttribute("data-guard") === "command";
  var failed = false;

  function capable() {
    return (
      typeof Promise === "function" &&
      typeof Promise.allSettled === "function" &&
      typeof Map === "function" &&
      typeof Symbol === "function" &&
      typeof Object.fromEntries === "function" &&
      typeof globalThis === "object"
    );
  }

  function started() {
    return isCommand ? typeof window.recalculate === "function" : window.__xinyongStarted === true;
  }

  function whenParsed(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, false);
    else run();
  }

  function paragraph(text, lang) {
    var p = document.createElement("p");
    p.lang = lang;
    p.style.margin = "0 0 8px";
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function showInPane() {
    var box = document.getElementById("root") || document.body;
    while (box.firstChild) box.removeChild(box.firstChild);
    box.setAttribute("role", "alert");
    box.style.padding = "12px";
    box.style.fontFamily = '"Microsoft YaHei", "Segoe UI", sans-serif';
    box.appendChild(paragraph(ZH, "zh-CN"));
    box.appendChild(paragraph(EN, "en"));
  }

  // dialog.html beside this page, with the message in its query string (as commands.ts passes its own).
  function dialogUrl() {
    var here = String(window.location.href).split("#")[0].split("?")[0];
    return here.substring(0, here.lastIndexOf("/") + 1) + "dialog.html?m=" + encodeURIComponent(ZH + "\n" + EN);
  }

  // The ribbon's 重新计算 on a webview that cannot run it: the message in a dialog, and the command completed
  // whatever happens, so the ribbon is not left waiting.
  function command(event) {
    var done = false;
    function complete() {
      if (done) return;
      done = true;
      if (event && typeof event.completed === "function") event.completed();
    }
    try {
      window.Office.context.ui.displayDialogAsync(dialogUrl(), { height: 30, width: 30 }, complete);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      complete();
    }
  }

  function installCommand() {
    window.recalculate = command;
    var office = window.Office;
    if (!office || typeof office.onReady !== "function") return; // office.js did not load: nothing to answer
    office.onReady(function () {
      if (office.actions && typeof office.actions.associate === "function")
        office.actions.associate("recalculate", command);
    });
  }

  function fail(reason) {
    if (failed) return;
    failed = true;
    window.__xinyongUnsupported = true; // the pane's entry does not start after this (src/guard/started.ts)
    root.setAttribute("data-guard-failed", reason);
    whenParsed(isCommand ? installCommand : showInPane);
  }

  // Whether an error event comes from one of the page's deferred scripts (the bundle, as html-webpack-plugin adds
  // it), not from office.js or the browser.
  function fromBundle(file) {
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++)
      if (scripts[i].defer && scripts[i].src && scripts[i].src === file) return true;
    return false;
  }

  function onError(e) {
    if (!started() && e && fromBundle(e.filename)) fail("error");
  }
  function onLoad() {
    if (!started()) fail("not-started");
  }
  window.addEventListener("error", onError, false);
  window.addEventListener("load", onLoad, false);
  if (!capable()) fail("features");
})();
