import {
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "./port";
import { CellDetail, today } from "./CellDetail";
import { FindingsList } from "./FindingsList";
import { SettingsPanel } from "./SettingsPanel";
import { SelfGaps } from "./SelfGaps";
import { HandEdits } from "./HandEdits";
import { type Locale, strings } from "./strings";
import { Summary } from "./Summary";
import { useWorkbook } from "./useWorkbook";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  message: { whiteSpace: "pre-wrap" },
});

export function App({ workbook, locale, debounceMs }: { workbook: WorkbookPort; locale: Locale; debounceMs?: number }) {
  const s = useStyles();
  const t = strings(locale);
  const pane = useWorkbook(workbook, debounceMs);
  const { state } = pane;
  const working = state.kind === "working";
  const outcome = state.kind === "results" ? state.outcome : state.kind !== "idle" ? state.previous : undefined;
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={s.pane}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <div className={s.actions}>
          <Button appearance="primary" disabled={working} onClick={() => void pane.recalculate()}>
            {t.score}
          </Button>
          {!outcome ? (
            <Button disabled={working} onClick={() => void pane.generateTemplate()}>
              {t.template}
            </Button>
          ) : null}
        </div>
        <Switch label={t.auto} checked={pane.auto} onChange={(_, d) => pane.setAuto(d.checked)} />
        {working ? (
          <div role="status">
            <ProgressBar aria-label={t.working} />
            <Text>{state.step ? t.steps[state.step] : t.working}</Text>
          </div>
        ) : null}
        {state.kind === "error" ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody className={s.message}>
              <MessageBarTitle>{locale === "en-US" ? state.problem.title.en : state.problem.title.zh}</MessageBarTitle>
              {state.problem.message}
              {state.problem.hint ? `\n${locale === "en-US" ? state.problem.hint.en : state.problem.hint.zh}` : ""}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {pane.stale && outcome && !working ? (
          <MessageBar intent="warning" layout="multiline" data-testid="stale">
            <MessageBarBody>
              <MessageBarTitle>{t.staleTitle}</MessageBarTitle>
              {t.stale}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {state.kind === "idle" ? <Text>{state.notice ? t.templateDone(state.notice) : t.idle}</Text> : null}
        {outcome ? (
          <>
            <Summary outcome={outcome} t={t} />
            <Divider />
            <CellDetail outcome={outcome} cell={pane.selected} t={t} disabled={working} onAdjust={pane.addAdjustment} />
            <Divider />
            <Text as="h2" weight="semibold">
              {t.findings}
            </Text>
            <HandEdits
              edits={outcome.handEdits}
              t={t}
              disabled={working}
              today={today}
              onRestore={(e) => pane.restoreCell(e.sheet, e.address, e.computed)}
              onAdjust={pane.addAdjustment}
            />
            <FindingsList outcome={outcome} t={t} onSelect={pane.selectCell} />
            <Divider />
            <SelfGaps outcome={outcome} t={t} />
          </>
        ) : null}
        <Divider />
        <SettingsPanel
          workbook={workbook}
          t={t}
          disabled={working}
          onError={pane.fail}
          onSaved={() => {
            if (outcome) void pane.recalculate();
          }}
        />
      </main>
    </FluentProvider>
  );
}

export function Unsupported({ locale }: { locale: Locale }) {
  const t = strings(locale);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main style={{ padding: 12 }}>
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.unsupportedTitle}</MessageBarTitle>
            {t.unsupported}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
