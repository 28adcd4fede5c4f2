import { createPrng } from '../common/prng';
import { FAMILY_NAMES, FIRST_NAMES } from '../golestan/golestan-pools';
import { validNationalCode } from '../golestan/national-code';
import { toArabicLetters } from '../golestan/text-defects';

export type ModName = 'resource' | 'page' | 'url' | 'assign' | 'quiz' | 'forum';

export type MoodleFile = { filename: string; filesize: number; mimetype: string; timemodified: number };
export type MoodleModule = {
  id: number;
  modname: ModName;
  name: string;
  instance: number;
  contextid: number;
  visible: boolean;
  files: MoodleFile[];
  timemodified: number;
};
export type MoodleSection = { id: number; section: number; name: string; visible: boolean; modules: MoodleModule[] };
export type MoodleCourse = {
  id: number;
  shortname: string;
  fullname: string;
  idnumber: string;
  categoryid: number;
  visible: boolean;
  startdate: number;
  enddate: number;
  timecreated: number;
  timemodified: number;
  cacherev: number;
  sections: MoodleSection[];
};
export type MoodleCategory = { id: number; name: string; idnumber: string | null; parent: number; sortorder: number; timemodified: number };
export type MoodleUser = { id: number; username: string; firstname: string; lastname: string; email: string; idnumber: string };
export type MoodleRole = 'student' | 'editingteacher';
export type MoodleEnrolment = { userid: number; roles: MoodleRole[] };

export type MoodleSiteOptions = {
  /** Courses besides the front page; default 12. */
  courses?: number;
  /** Users besides the admin; default 60. */
  users?: number;
  seed?: number;
  /** Given to the first teachers as idnumber (national codes), so a demo can match them to faculty members. */
  teacherIdnumbers?: string[];
  /** Given to the first students as idnumber (student numbers). */
  studentIdnumbers?: string[];
};

// A fixed clock keeps generated sites identical between runs; 2025-11-24 UTC.
export const SITE_EPOCH = 1_764_000_000;
export const ADMIN_ID = 2;
export const SITE_ID = 1;

// Start dates that fall in known Jalali terms (Golestan term codes: year's last three digits + term).
const TERM_STARTS: readonly [startdate: number, term: string][] = [
  [Date.UTC(2024, 8, 22) / 1000, '4031'], // 1 Mehr 1403
  [Date.UTC(2025, 1, 8) / 1000, '4032'], // 20 Bahman 1403
  [Date.UTC(2025, 6, 1) / 1000, '4033'], // 10 Tir 1404
  [Date.UTC(2025, 8, 23) / 1000, '4041'], // 1 Mehr 1404
];
const SUBJECTS = [
  ['CE', 'مبانی برنامه‌نویسی'],
  ['CE', 'ساختمان داده‌ها'],
  ['CE', 'پایگاه داده'],
  ['MATH', 'ریاضی عمومی ۱'],
  ['MATH', 'آمار و احتمال'],
  ['PHYS', 'فیزیک پایه'],
  ['HUM', 'زبان فارسی'],
  ['HUM', 'اندیشهٔ اسلامی'],
] as const;
const CATEGORIES: readonly Omit<MoodleCategory, 'sortorder' | 'timemodified'>[] = [
  { id: 1, name: 'Category 1', idnumber: null, parent: 0 },
  { id: 2, name: 'دانشکدهٔ فنی و مهندسی', idnumber: 'ENG', parent: 0 },
  { id: 3, name: 'مهندسی کامپیوتر', idnumber: 'CE', parent: 2 },
  { id: 4, name: 'دانشکدهٔ علوم پایه', idnumber: 'SCI', parent: 0 },
  { id: 5, name: 'ریاضی و آمار', idnumber: 'MATH', parent: 4 },
  { id: 6, name: 'دانشکدهٔ علوم انسانی', idnumber: 'HUM', parent: 0 },
];
const CATEGORY_OF: Record<string, number> = { CE: 3, MATH: 5, PHYS: 4, HUM: 6 };
const MOD_NAMES: readonly ModName[] = ['resource', 'page', 'url', 'assign', 'quiz', 'forum', 'page', 'resource'];
const MIMETYPES = [
  ['pdf', 'application/pdf'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['txt', 'text/plain'],
] as const;

export type MoodleDataset = {
  categories: MoodleCategory[];
  courses: MoodleCourse[];
  users: MoodleUser[];
  enrolments: Map<number, MoodleEnrolment[]>;
  /** Course ids generated with a term code in the short name or a term start date, by term code. */
  expectedTerms: Map<number, string | null>;
};

const studentNumber = (index: number): string => `40${1 + (index % 3)}1${String(1110 + (index % 4))}${String(index + 1).padStart(3, '0')}`;

const makeUsers = (options: Required<Pick<MoodleSiteOptions, 'users' | 'seed'>> & MoodleSiteOptions) => {
  const prng = createPrng(options.seed * 31 + 7);
  const teacherCount = Math.max(1, Math.round(options.users / 10));
  const users: MoodleUser[] = [];
  for (let i = 0; i < options.users; i += 1) {
    const isTeacher = i < teacherCount;
    const first = prng.pick(FIRST_NAMES);
    const family = prng.pick(FAMILY_NAMES);
    const id = ADMIN_ID + 1 + i;
    const studentIndex = i - teacherCount;
    let idnumber = isTeacher
      ? (options.teacherIdnumbers?.[i] ?? validNationalCode(options.seed * 10_000 + i))
      : (options.studentIdnumbers?.[studentIndex] ?? studentNumber(studentIndex));
    // Staff accounts and guests lecturers often have no idnumber: they must come out unmatched.
    if (i % 9 === 8) idnumber = '';
    // Some students log in with their student number as the user name and have no idnumber at all.
    const isNumberLogin = !isTeacher && studentIndex % 4 === 1 && idnumber !== '';
    users.push({
      id,
      username: isNumberLogin ? idnumber : `${isTeacher ? 't' : 's'}.${first.en.toLowerCase()}${id}`,
      firstname: i % 5 === 3 ? toArabicLetters(first.fa) : first.fa,
      lastname: family.fa,
      email: `${first.en.toLowerCase()}.${family.en.toLowerCase()}${id}@example.ac.ir`,
      idnumber: isNumberLogin ? '' : idnumber,
    });
  }
  return { users, teacherCount };
};

const makeCourse = (index: number, prng: ReturnType<typeof createPrng>, ids: { section: number; module: number; context: number }): MoodleCourse => {
  const [prefix, title] = SUBJECTS[index % SUBJECTS.length];
  const [startdate, term] = TERM_STARTS[index % TERM_STARTS.length];
  const variant = index % 3;
  const code = `${prefix}${101 + index}`;
  const timecreated = SITE_EPOCH + index * 3600;
  // 0: the term is in the short name; 1: only the start date tells; 2: neither does.
  const course: MoodleCourse = {
    id: index + 2,
    shortname: variant === 0 ? `${code}-${term}` : code,
    fullname: `${title} (${code})`,
    idnumber: variant === 0 ? `${code}-${term}` : '',
    categoryid: CATEGORY_OF[prefix],
    visible: index % 7 !== 6,
    startdate: variant === 2 ? 0 : startdate,
    enddate: variant === 2 ? 0 : startdate + 120 * 86_400,
    timecreated,
    timemodified: timecreated + 600,
    cacherev: timecreated + 900,
    sections: [],
  };
  // Every fourth course is an empty shell; the others get 2–12 activities.
  const moduleCount = index % 4 === 3 ? 0 : index % 4 === 2 ? 2 + prng.int(2) : 6 + prng.int(7);
  const sectionCount = 1 + Math.max(1, Math.ceil(moduleCount / 3));
  for (let s = 0; s < sectionCount; s += 1) {
    course.sections.push({ id: ids.section++, section: s, name: s === 0 ? 'عمومی' : `جلسهٔ ${s}`, visible: true, modules: [] });
  }
  for (let m = 0; m < moduleCount; m += 1) {
    const modname = MOD_NAMES[(m + index) % MOD_NAMES.length];
    const section = course.sections[1 + (m % (sectionCount - 1))];
    section.modules.push(makeModule(modname, m, ids, course.timemodified, prng));
  }
  return course;
};

export const makeModule = (
  modname: ModName,
  n: number,
  ids: { module: number; context: number },
  time: number,
  prng: ReturnType<typeof createPrng>,
): MoodleModule => {
  const files: MoodleFile[] = [];
  if (modname === 'resource') {
    for (let f = 0; f < 1 + prng.int(3); f += 1) {
      const [extension, mimetype] = MIMETYPES[(n + f) % MIMETYPES.length];
      files.push({ filename: `file${f + 1}.${extension}`, filesize: 1024 * (1 + prng.int(900)), mimetype, timemodified: time });
    }
  }
  return {
    id: ids.module++,
    modname,
    name: `${modname} ${n + 1}`,
    instance: n + 1,
    contextid: ids.context++,
    // One activity in eight is hidden from students.
    visible: n % 8 !== 7,
    files,
    timemodified: time,
  };
};

/** A whole generated site: the same options and seed always give the same site. */
export const generateMoodleSite = (options: MoodleSiteOptions = {}): MoodleDataset => {
  const courseCount = options.courses ?? 12;
  const seed = options.seed ?? 1;
  const prng = createPrng(seed);
  const { users, teacherCount } = makeUsers({ ...options, users: options.users ?? 60, seed });
  const ids = { section: 1, module: 1, context: 100 };
  const courses = Array.from({ length: courseCount }, (_, index) => makeCourse(index, prng, ids));
  const enrolments = new Map<number, MoodleEnrolment[]>();
  const students = users.slice(teacherCount);
  const expectedTerms = new Map<number, string | null>();
  courses.forEach((course, index) => {
    const teacher = users[index % teacherCount];
    const list: MoodleEnrolment[] = [{ userid: teacher.id, roles: ['editingteacher'] }];
    // Course sizes vary from a handful to most of the students.
    const size = Math.min(students.length, 3 + ((index * 7) % Math.max(1, students.length)));
    for (let s = 0; s < size; s += 1) list.push({ userid: students[(index * 5 + s) % students.length].id, roles: ['student'] });
    list.sort((a, b) => a.userid - b.userid);
    enrolments.set(
      course.id,
      list.filter((e, i, all) => i === 0 || all[i - 1].userid !== e.userid),
    );
    expectedTerms.set(course.id, index % 3 === 2 ? null : TERM_STARTS[index % TERM_STARTS.length][1]);
  });
  const categories = CATEGORIES.map((category, index) => ({ ...category, sortorder: (index + 1) * 10_000, timemodified: SITE_EPOCH - 86_400 }));
  return { categories, courses, users, enrolments, expectedTerms };
};
