// The `algoritmekader.rules` settings of package.json (`contributes.configuration`), derived from the
// rule catalogue: one property per rule code with its default severity and summary, plus the pattern
// for any AKnnn code. Used by scripts/sync-rule-settings.mjs (writes and checks package.json) and by
// test/unit/ruleSettings.test.ts. Takes the catalogue as arguments, so it imports no engine code.
import type { RuleInfo, SeveritySetting } from '../engine/rules/catalog';

/** What VS Code's settings UI shows for each severity value. */
const severityDescriptions: Record<string, string> = {
  error: 'Report as an error.',
  warning: 'Report as a warning.',
  information: 'Report as information.',
  hint: 'Show as a hint (no entry in the Problems panel).',
  off: 'Do not report.',
};

export interface SeveritySettingSchema {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  default?: string;
  markdownDescription?: string;
}

export interface RuleSettingsSchema {
  /** `properties` of `algoritmekader.rules`: one entry per rule code, in catalogue order. */
  properties: Record<string, SeveritySettingSchema>;
  /** `patternProperties` of `algoritmekader.rules`. */
  patternProperties: Record<string, SeveritySettingSchema>;
}

export function ruleSettingsSchema(catalog: readonly RuleInfo[], severities: readonly SeveritySetting[]): RuleSettingsSchema {
  const missing = severities.filter((severity) => !(severity in severityDescriptions));
  if (missing.length > 0) throw new Error(`scripts/ruleSettings.ts has no description for severity ${missing.join(', ')}`);
  const severity = (): SeveritySettingSchema => ({
    type: 'string',
    enum: [...severities],
    enumDescriptions: severities.map((value) => severityDescriptions[value]),
  });
  const properties: Record<string, SeveritySettingSchema> = {};
  for (const rule of catalog) {
    properties[rule.code] = {
      ...severity(),
      default: rule.severity,
      markdownDescription: `**${rule.code} ${rule.name}** (default: \`${rule.severity}\`). ${rule.summary}`,
    };
  }
  return { properties, patternProperties: { '^AK\\d{3}$': severity() } };
}
