// npm start / npm stop. office-addin-debugging (which sideloads automatically) is not a dependency: its current
// major needs a native dependency tree that cannot install offline. This script starts the HTTPS dev server and says
// how to sideload by hand on each platform.
const { spawn } = require("node:child_process");

const steps = `
信用考核助手 · 旁加载 / sideloading (manifest: dist/addin/manifest.xml, served from https://localhost:3000/)

Windows desktop Excel:
  1. Share a folder (e.g. C:\\addins) and copy manifest.xml into it.
  2. Excel > File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:
     add \\\\<computer>\\addins, tick "Show in Menu", restart Excel.
  3. Home > Add-ins > Advanced > SHARED FOLDER > 信用考核助手 > Add.
Mac desktop Excel:
  copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
Excel on the web:
  Home > Add-ins > More Settings > Upload My Add-in > choose manifest.xml.
The first time, trust the development certificate: npx office-addin-dev-certs install.
Stop: npm stop (ends the dev server); remove the add-in from Home > Add-ins > My Add-ins.
`;

if (process.argv[2] === "stop") {
  console.log("Stop the dev server with Ctrl+C in the terminal running `npm start`.");
  console.log(
    "To remove the add-in: Home > Add-ins > My Add-ins > … > Remove (web), or delete the manifest from the shared folder / wef folder (desktop).",
  );
} else {
  console.log(steps);
  const server = spawn("npx", ["webpack", "serve", "--mode", "development"], { stdio: "inherit" });
  server.on("exit", (code) => (process.exitCode = code ?? 0));
}
