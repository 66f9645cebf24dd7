/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // "./recalculate.js" in a dynamic import (as Node's ESM resolution wants it) is the .ts source
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  testTimeout: 60000,
};
