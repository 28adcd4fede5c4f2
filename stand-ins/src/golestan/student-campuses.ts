import { CAMPUSES, type Campus } from './golestan-pools';
import { toPersianDigits } from './text-defects';

/** Campuses of the demo university: the students source seeds its campus list with these. */
export const DEFAULT_STUDENT_CAMPUS_COUNT = 16;

// The named campuses first; a bigger university (the benchmark's 100) gets numbered branches of the same
// cities with codes that continue the gateway's four-digit scheme.
export const studentCampuses = (count: number = DEFAULT_STUDENT_CAMPUS_COUNT): Campus[] => {
  const campuses = CAMPUSES.slice(0, count).map((campus) => ({ ...campus }));
  for (let i = campuses.length; i < count; i += 1) {
    const base = CAMPUSES[i % CAMPUSES.length];
    const branch = Math.floor(i / CAMPUSES.length) + 1;
    campuses.push({
      ...base,
      code: String(2300 + (i - CAMPUSES.length) * 10),
      name: `واحد ${toPersianDigits(String(branch))} ${base.city}`,
    });
  }
  return campuses;
};

/** The demo list as the students source stores it: code and name. */
export const DEFAULT_STUDENT_CAMPUSES: readonly { code: string; name: string }[] = studentCampuses().map(({ code, name }) => ({ code, name }));
