import { generateCleanFacultyRecord, generateFaculty, type FacultyRecord } from './faculty-generator';

export type FacultyDataset = {
  list(): FacultyRecord[];
  page(pageNumber: number, pageSize: number): FacultyRecord[];
  remove(nationalcode: string): void;
  update(nationalcode: string, patch: Partial<FacultyRecord>): FacultyRecord;
  add(record?: Partial<FacultyRecord>): FacultyRecord;
  reset(): void;
};

// Generated codes may be written with Persian or Arabic-Indic digits; callers
// usually think in Latin digits, so lookups compare digit values.
const latinDigits = (text: string): string =>
  text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

export const createFacultyDataset = (count: number, seed: number): FacultyDataset => {
  let records = generateFaculty(count, seed);
  let nextIndex = count;

  const indexOf = (nationalcode: string): number => {
    const wanted = latinDigits(nationalcode);
    const index = records.findIndex((r) => latinDigits(r.nationalcode) === wanted);
    if (index === -1) throw new Error(`No faculty record with nationalcode "${nationalcode}"`);
    return index;
  };

  return {
    list: () => records.map((r) => ({ ...r })),
    page: (pageNumber, pageSize) => records.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    remove: (nationalcode) => {
      records.splice(indexOf(nationalcode), 1);
    },
    update: (nationalcode, patch) => {
      const index = indexOf(nationalcode);
      records[index] = { ...records[index], ...patch };
      return { ...records[index] };
    },
    add: (record = {}) => {
      const added = { ...generateCleanFacultyRecord(nextIndex, seed), ...record };
      nextIndex += 1;
      records.push(added);
      return { ...added };
    },
    reset: () => {
      records = generateFaculty(count, seed);
      nextIndex = count;
    },
  };
};
