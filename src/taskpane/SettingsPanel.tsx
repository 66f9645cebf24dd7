import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { type Settings, NA_POLICIES, STEPS_POLICIES } from "../rules/settings";
import type { WorkbookPort } from "./port";
import type { Strings } from "./strings";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** The rulebook settings, saved in the workbook (the tool's hidden sheet), so they travel with the file. */
export function SettingsPanel(props: {
  workbook: WorkbookPort;
  t: Strings;
  disabled: boolean;
  onError: (e: unknown) => void;
  onSaved: () => void;
}) {
  const { workbook, t, disabled, onError, onSaved } = props;
  const s = useStyles();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [bonus, setBonus] = useState("");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let alive = true;
    workbook
      .loadSettings()
      .then((v) => {
        if (!alive) return;
        setSettings(v);
        setBonus(String(v.bonusCap));
      })
      .catch(onError);
    return () => {
      alive = false;
    };
  }, [workbook, onError]);
  if (!settings) return null;
  const save = async () => {
    setSaved(false);
    try {
      await workbook.saveSettings({ ...settings, bonusCap: bonus.trim() === "" ? NaN : Number(bonus) });
      setSaved(true);
      onSaved();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <section aria-label={t.settings} className={s.form}>
      <Text weight="semibold">{t.settings}</Text>
      <Field label={t.naPolicy}>
        <Select
          value={settings.naPolicy}
          onChange={(_, d) => setSettings({ ...settings, naPolicy: d.value as Settings["naPolicy"] })}
        >
          {NA_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t.na[p]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.stepsLabel}>
        <Select
          value={settings.steps}
          onChange={(_, d) => setSettings({ ...settings, steps: d.value as Settings["steps"] })}
        >
          {STEPS_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t.step[p]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.bonusCap}>
        <Input type="number" min={0} value={bonus} onChange={(_, d) => setBonus(d.value)} />
      </Field>
      <Button onClick={save} disabled={disabled}>
        {t.save}
      </Button>
      {saved ? <Text size={200}>{t.saved}</Text> : null}
    </section>
  );
}
