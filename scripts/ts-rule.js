// The TypeScript rule both webpack builds (the add-in, the browser preview) share: ts-loader without type checking
// (`npm run typecheck` does that), emitting ES modules so webpack can tree-shake.
module.exports = (sourceMap) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap },
    },
  },
});
