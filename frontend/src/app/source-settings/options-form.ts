import type { OptionInfo, SourceSettingsInfo } from '@hamgam/shared';

export type OptionInputs = Record<string, string | boolean>;

/** Codes of the form's own checks, translated under `sourceSettings.<code>`. */
export type OptionProblem = 'optionNumber' | 'optionRequired';

const EDITABLE_TYPES = ['integer', 'number', 'boolean', 'string'];

/** Options a generic tab edits: numbers, booleans, choices and text the source has no tab of its own for. */
export function editableOptions(settings: SourceSettingsInfo): [string, OptionInfo][] {
  return Object.entries(settings.options.properties).filter(
    ([, info]) => !info.isCustom && (info.enum !== undefined || EDITABLE_TYPES.includes(info.type ?? '')),
  );
}

export function toOptionInputs(options: [string, OptionInfo][], stored: Record<string, unknown>): OptionInputs {
  return Object.fromEntries(
    options.map(([key, info]) => {
      const value = stored[key] ?? info.default;
      return [key, info.type === 'boolean' ? value === true : value === undefined || value === null ? '' : String(value)];
    }),
  );
}

/** What a PATCH sends: only the options changed, as their declared type; a number the form cannot read is a problem. */
export function changedOptions(
  options: [string, OptionInfo][],
  inputs: OptionInputs,
  initial: OptionInputs,
): { sent: Record<string, unknown>; problems: Record<string, OptionProblem> } {
  const sent: Record<string, unknown> = {};
  const problems: Record<string, OptionProblem> = {};
  for (const [key, info] of options) {
    const value = inputs[key];
    if (value === initial[key]) continue;
    if (typeof value === 'boolean') {
      sent[key] = value;
    } else if (info.type === 'integer' || info.type === 'number') {
      const text = value.trim();
      const number = Number(text);
      if (text === '') problems[key] = 'optionRequired';
      else if (!Number.isFinite(number)) problems[key] = 'optionNumber';
      else sent[key] = number;
    } else {
      sent[key] = value;
    }
  }
  return { sent, problems };
}
