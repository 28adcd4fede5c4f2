import { useEffect, useRef, useState } from 'react';

/**
 * A settings tab's draft: what it opened with, what is typed, and whether they differ, reported to the dialog (which
 * asks before closing on unsaved changes). `reset` makes what was just saved the new starting point.
 */
export function useSettingsDraft<T>(open: () => T, onDirtyChange?: (isDirty: boolean) => void) {
  const [initial, setInitial] = useState<T>(open);
  const [values, setValues] = useState<T>(initial);
  const isDirty = JSON.stringify(values) !== JSON.stringify(initial);
  const report = useRef(onDirtyChange);
  useEffect(() => {
    report.current = onDirtyChange;
  }, [onDirtyChange]);
  useEffect(() => {
    report.current?.(isDirty);
  }, [isDirty]);
  const reset = (next: T) => {
    setInitial(next);
    setValues(next);
  };
  return { initial, values, setValues, isDirty, reset };
}
