// ESLint flat config: the Office add-in rules (office-addins: no context.sync() in loops, load before read, …) with
// their Prettier check, plus typescript-eslint's recommended rules, for .ts and .tsx alike.
// eslint-plugin-office-addins bundles an older typescript-eslint (8.8) whose rules break on ESLint 9.39, so we take only
// its office-addins and prettier plugins and register our own, current @typescript-eslint plugin beside them.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const officeRecommended = officeAddins.configs.recommended;
const office = officeRecommended[officeRecommended.length - 1];
const tsRecommendedRules = Object.assign({}, ...tseslint.configs.recommended.map((c) => c.rules ?? {}));

// The arrows of the house, one way (docs/architecture.md): rules ← core ← hosts ← taskpane / cli / commands / preview.
// Each folder may import only what lies below it; the two hosts never import each other; src never imports test.
const layer = (...forbidden) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: forbidden.map((name) => ({
        group: [`**/${name}`, `**/${name}/**`],
        message: `An import against the arrows of the house (docs/architecture.md): ${name} lies above or beside this.`,
      })),
    },
  ],
});
const TOP = ["taskpane", "cli", "commands", "preview", "bench", "test"];
const layers = [
  { files: ["src/rules/**"], rules: layer("core", "hosts", ...TOP) },
  { files: ["src/core/**"], rules: layer("hosts", ...TOP) },
  { files: ["src/hosts/office/**"], rules: layer("xlsx", ...TOP) },
  { files: ["src/hosts/xlsx/**"], rules: layer("office", ...TOP) },
  { files: ["src/taskpane/**"], rules: layer("xlsx", "cli", "commands", "preview", "bench", "test") },
  { files: ["src/commands/**"], rules: layer("xlsx", "cli", "preview", "bench", "test") },
  { files: ["src/cli/**"], rules: layer("office", "taskpane", "commands", "preview", "test") },
  { files: ["src/preview/**"], rules: layer("cli", "commands", "bench", "test") },
  { files: ["src/bench/**", "src/guard/**"], rules: layer("test") },
];

export default [
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "test-output/", "scratch/"] },
  js.configs.recommended,
  {
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    plugins: {
      "office-addins": office.plugins["office-addins"],
      prettier: office.plugins.prettier,
      "@typescript-eslint": tseslint.plugin,
    },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      ...Object.fromEntries(Object.entries(office.rules).filter(([name]) => !name.startsWith("office-addins/"))),
      "no-unused-vars": "off",
      eqeqeq: ["error", "always"],
    },
  },
  {
    // The Office.js rules (load before read, sync before read, no sync in a loop) where Office.js is used. They match
    // call shapes, not types, so they would misfire on ExcelJS code (worksheet.getCell…) in the xlsx host and its tests.
    files: ["src/hosts/office/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.ts"],
    rules: Object.fromEntries(Object.entries(office.rules).filter(([name]) => name.startsWith("office-addins/"))),
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      ...tsRecommendedRules,
      "no-undef": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layers,
];
