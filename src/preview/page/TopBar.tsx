// The preview's title bar: open a file, the sample or an empty workbook, choose the pane's language.
import { Button, Select, Text } from "@fluentui/react-components";
import { type ChangeEvent, useRef } from "react";
import type { Locale } from "../../taskpane/strings";
import type { PreviewStrings } from "../strings";
import { useStyles } from "./styles";

export interface TopBarProps {
  t: PreviewStrings;
  locale: Locale;
  openFile: (file: File | undefined) => void;
  onSample: () => void;
  onEmpty: () => void;
  onLocale: (next: Locale) => void;
}

export function TopBar({ t, locale, openFile, onSample, onEmpty, onLocale }: TopBarProps) {
  const s = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className={s.top}>
      <Text as="h1" size={400} weight="semibold" className={s.title}>
        {t.title}
      </Text>
      <div className={s.actions}>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {t.open}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="open-file"
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            openFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button size="small" onClick={() => onSample()}>
          {t.sample}
        </Button>
        <Button size="small" onClick={() => onEmpty()}>
          {t.empty}
        </Button>
      </div>
      <label className={s.lang}>
        <Text size={200} style={{ color: "inherit" }}>
          {t.language}
        </Text>
        <Select size="small" value={locale} onChange={(_, d) => onLocale(d.value as Locale)}>
          <option value="zh-CN">中文</option>
          <option value="en-US">English</option>
        </Select>
      </label>
      <p className={s.intro}>
        {t.intro} {t.drop}
      </p>
    </header>
  );
}
