import { Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { type Settings, NA_POLICIES, STEPS_POLICIES } from "../rules/settings";
import type { WorkbookPort } from "./port";
import type { Strings } from "./strings";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

type NumberSetting = "bonusCap" | "selfGap";

/** A number typed into a setting's field, or null when it is not one the setting takes (≥ 0). */
function numberOf(text: string): number | null {
  const t = text.trim();
  if (t === "" || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The rulebook settings, saved in the workbook (the tool's hidden sheet), so they travel with the file. Each applies
 * as soon as it is changed (a list at once, a number when its field is left or Enter is pressed); a number the
 * setting cannot take is said on its own field and nothing is saved. */
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
  const [typed, setTyped] = useState<Record<NumberSetting, string>>({ bonusCap: "", selfGap: "" });
  const [wrong, setWrong] = useState<Record<NumberSetting, boolean>>({ bonusCap: false, selfGap: false });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let alive = true;
    workbook
      .loadSettings()
      .then((v) => {
        if (!alive) return;
        setSettings(v);
        setTyped({ bonusCap: String(v.bonusCap), selfGap: String(v.selfGap) });
      })
      .catch(onError);
    return () => {
      alive = false;
    };
  }, [workbook, onError]);
  if (!settings) return null;
  const apply = async (next: Settings) => {
    setSaved(false);
    setSettings(next);
    try {
      await workbook.saveSettings(next);
      setSaved(true);
      onSaved();
    } catch (e) {
      onError(e);
    }
  };
  const commit = (key: NumberSetting) => {
    const n = numberOf(typed[key]);
    setWrong({ ...wrong, [key]: n === null });
    if (n === null || n === settings[key]) return;
    void apply({ ...settings, [key]: n });
  };
  const numberField = (key: NumberSetting, label: string, problem: string) => (
    <Field
      label={label}
      validationState={wrong[key] ? "error" : "none"}
      validationMessage={wrong[key] ? problem : undefined}
    >
      <Input
        type="number"
        min={0}
        value={typed[key]}
        disabled={disabled}
        onChange={(_, d) => setTyped({ ...typed, [key]: d.value })}
        onBlur={() => commit(key)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(key);
        }}
      />
    </Field>
  );
  return (
    <section aria-label={t.settings} className={s.form}>
      <Text weight="semibold">{t.settings}</Text>
      <Field label={t.naPolicy}>
        <Select
          value={settings.naPolicy}
          disabled={disabled}
          onChange={(_, d) => void apply({ ...settings, naPolicy: d.value as Settings["naPolicy"] })}
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
          disabled={disabled}
          onChange={(_, d) => void apply({ ...settings, steps: d.value as Settings["steps"] })}
        >
          {STEPS_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t.step[p]}
            </option>
          ))}
        </Select>
      </Field>
      {numberField("bonusCap", t.bonusCap, t.badNumber)}
      {numberField("selfGap", t.selfGapLabel, t.badNumber)}
      {saved ? (
        <Text size={200} role="status">
          {t.saved}
        </Text>
      ) : null}
    </section>
  );
}
