import { createPrng } from '../common/prng';
import { makeModule, type MoodleCourse, type MoodleDataset, type MoodleUser } from './moodle-dataset';

/** Lookups the enrolment answers need, built once per version of the site (a big site has 100k+ enrolments). */
export type MoodleSiteIndex = { userById: Map<number, MoodleUser>; coursesOfUser: Map<number, MoodleCourse[]> };

/** The generated site and the changes tests make to it between runs. */
export type MoodleSiteControl = {
  data(): MoodleDataset;
  index(): MoodleSiteIndex;
  /** Adds a page to the course and moves its timemodified and cacherev on, as an edit on the site would. */
  touchCourse(courseId: number): void;
  removeCourse(courseId: number): void;
  unenrol(courseId: number, userId: number): void;
  renameUser(userId: number, patch: Partial<Pick<MoodleUser, 'firstname' | 'lastname' | 'email'>>): void;
  regenerate(): void;
};

export const createMoodleSiteControl = (generate: () => MoodleDataset): MoodleSiteControl => {
  let data = generate();
  let clock = 0;
  let cached: MoodleSiteIndex | null = null;
  const changed = () => {
    cached = null;
  };
  const buildIndex = (): MoodleSiteIndex => {
    const coursesOfUser = new Map<number, MoodleCourse[]>();
    for (const course of data.courses) {
      for (const enrolment of data.enrolments.get(course.id) ?? []) {
        coursesOfUser.set(enrolment.userid, [...(coursesOfUser.get(enrolment.userid) ?? []), course]);
      }
    }
    return { userById: new Map(data.users.map((user) => [user.id, user])), coursesOfUser };
  };
  const prng = createPrng(99);
  const course = (courseId: number) => {
    const found = data.courses.find((c) => c.id === courseId);
    if (!found) throw new Error(`no course ${courseId} in the stand-in site`);
    return found;
  };
  const nextIds = () => {
    const modules = data.courses.flatMap((c) => c.sections.flatMap((s) => s.modules));
    return {
      module: Math.max(0, ...modules.map((m) => m.id)) + 1,
      context: Math.max(0, ...modules.map((m) => m.contextid)) + 1,
    };
  };

  return {
    data: () => data,
    index: () => (cached ??= buildIndex()),
    touchCourse: (courseId) => {
      const target = course(courseId);
      clock += 1;
      const time = Math.max(target.timemodified, target.cacherev) + 60 * clock;
      const section = target.sections[target.sections.length - 1] ?? target.sections[0];
      if (section) section.modules.push(makeModule('page', section.modules.length, nextIds(), time, prng));
      target.timemodified = time;
      target.cacherev = time;
      changed();
    },
    removeCourse: (courseId) => {
      course(courseId);
      data.courses = data.courses.filter((c) => c.id !== courseId);
      data.enrolments.delete(courseId);
      changed();
    },
    unenrol: (courseId, userId) => {
      data.enrolments.set(
        courseId,
        (data.enrolments.get(courseId) ?? []).filter((e) => e.userid !== userId),
      );
      changed();
    },
    renameUser: (userId, patch) => {
      const user = data.users.find((u) => u.id === userId);
      if (!user) throw new Error(`no user ${userId} in the stand-in site`);
      Object.assign(user, patch);
      changed();
    },
    regenerate: () => {
      data = generate();
      clock = 0;
      changed();
    },
  };
};
