// How the preview page looks: Excel's green title bar, the workbook on the left, the task pane's frame on the right,
// and the cover shown while a file is dragged over the page.
import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

export const useGlobal = makeStaticStyles({ "html, body": { margin: 0, padding: 0 } });

export const useStyles = makeStyles({
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
