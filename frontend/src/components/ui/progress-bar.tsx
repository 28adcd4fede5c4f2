export type ProgressBarProps = {
  /** 0–100, or null while the total is unknown (shown as an indeterminate bar). */
  value: number | null;
  label: string;
  valueText?: string;
};

export function ProgressBar({ value, label, valueText }: ProgressBarProps) {
  const clamped = value === null ? null : Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      className={clamped === null ? 'progress progress--indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped ?? undefined}
      aria-valuetext={valueText}
    >
      <div className="progress__bar" style={clamped === null ? undefined : { inlineSize: `${clamped}%` }} />
    </div>
  );
}
