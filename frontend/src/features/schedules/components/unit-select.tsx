import { useTranslation } from 'react-i18next';
import type { AutoSyncUnit } from '@hamgam/shared';
import { describedBy } from '../../../components/ui/field-error';

export type UnitSelectProps = {
  id: string;
  value: AutoSyncUnit;
  /** The units the server allows; a stored value outside them is still offered, first, so it shows as saved. */
  units: AutoSyncUnit[];
  onChange: (unit: AutoSyncUnit) => void;
  errors: string[] | undefined;
  errorId: string;
};

/** The unit of an interval (the schedule's and the one inside terms). */
export function UnitSelect({ id, value, units, onChange, errors, errorId }: UnitSelectProps) {
  const { t } = useTranslation('schedules');
  return (
    <select
      id={id}
      className="form__control"
      value={value}
      onChange={(event) => onChange(event.target.value as AutoSyncUnit)}
      aria-invalid={errors ? true : undefined}
      aria-describedby={describedBy(null, errorId, errors)}
    >
      {(units.includes(value) ? units : [value, ...units]).map((unit) => (
        <option key={unit} value={unit}>
          {t(`units.${unit}`)}
        </option>
      ))}
    </select>
  );
}
