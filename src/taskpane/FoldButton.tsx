import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  toggle: {
    paddingLeft: 0,
    paddingRight: 0,
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
  },
});

/** The pane's one way to fold a list away: ▸/▾ and its label, aria-expanded, controlling the list's id. */
export function FoldButton(props: { open: boolean; controls: string; onToggle: () => void; children: ReactNode }) {
  const s = useStyles();
  return (
    <Button
      appearance="transparent"
      className={s.toggle}
      icon={<span aria-hidden="true">{props.open ? "▾" : "▸"}</span>}
      aria-expanded={props.open}
      aria-controls={props.open ? props.controls : undefined}
      onClick={props.onToggle}
    >
      {props.children}
    </Button>
  );
}
