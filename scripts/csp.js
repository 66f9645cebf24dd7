// Content-Security-Policy of the task pane's page, put in its <meta> by the webpack builds. The pane talks to nothing
// but its own server and Excel (through office.js, which postMessages to Office): scripts from its own origin and,
// unless office.js is served locally, Microsoft's office.js CDN; no network calls anywhere else.
// style-src allows inline styles because office.js (excel-web-16.00.js) sets them (OfficeDev/office-js#1687), and
// frame-src the CDN because office.js frames its own error page from there (AgaveErrorUX) when a host is not trusted.
// The browser preview (webpack.preview.js) runs the same page without office.js, so it allows its own origin only.
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

function policy(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The hash of the empty string: Fluent UI's style engine (Griffel) adds empty <style> elements and fills them through
 * the CSS object model (insertRule), which the policy does not govern; any inline style text is still refused. */
const EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

const STRICT = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", EMPTY_STYLE],
  "img-src": ["'self'"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

/** The add-in's task pane: office.js from the CDN unless `OFFICE_JS=local` serves it from the add-in's own origin. */
function paneCsp({ localOfficeJs = false } = {}) {
  const office = localOfficeJs ? ["'self'"] : ["'self'", OFFICE_JS_ORIGIN];
  const rest = { ...STRICT };
  delete rest["form-action"]; // office.js's sign-in flow posts a form; not ours to forbid
  return policy({
    ...rest,
    "script-src": office,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "frame-src": office,
  });
}

/** The browser preview: its own origin only. */
function previewCsp() {
  return policy(STRICT);
}

module.exports = { OFFICE_JS_ORIGIN, paneCsp, previewCsp };
