import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityLevel, analyseCourse } from './moodle.analysis';
import { parseContents } from './moodle.parser';

const contents = (name: string) => parseContents(JSON.parse(readFileSync(join(__dirname, '../../../../stand-ins/fixtures/moodle', name), 'utf8')));

describe('analyseCourse', () => {
  it('should count activities by kind and files when the captured course 4 is analysed', () => {
    const analysis = analyseCourse(4, contents('core_course_get_contents-course4.json'));
    expect(analysis).toMatchObject({
      courseId: 4,
      sections: 11,
      visibleSections: 11,
      activities: 64,
      visibleActivities: 64,
      hiddenActivities: 0,
      teachingActivities: 63,
    });
    expect(analysis.counts).toEqual({ resources: 3, files: 69, pages: 50, urls: 0, assignments: 10, quizzes: 0, forums: 1, others: 0 });
    expect(analysis.byModule).toEqual({ resource: 3, forum: 1, assign: 10, page: 50 });
    expect(analysis.lastContentModified).toBeGreaterThan(0);
  });

  it('should leave the section-0 forum out of teaching activities when course 2 is analysed', () => {
    const analysis = analyseCourse(2, contents('core_course_get_contents-course2.json'));
    expect(analysis).toMatchObject({ activities: 5, teachingActivities: 4 });
    expect(analysis.counts).toMatchObject({ resources: 2, files: 4, pages: 1, assignments: 1, forums: 1 });
  });

  it('should count an activity of a hidden section as hidden when its own flag says visible', () => {
    const analysis = analyseCourse(9, [
      { id: 1, number: 1, name: 'hidden', visible: false, modules: [{ id: 1, modname: 'quiz', name: 'q', visible: true, contents: [] }] },
      { id: 2, number: 2, name: 'shown', visible: true, modules: [{ id: 2, modname: 'lesson', name: 'l', visible: false, contents: [] }] },
    ]);
    expect(analysis).toMatchObject({ activities: 2, visibleActivities: 0, hiddenActivities: 2, teachingActivities: 0 });
    expect(analysis.counts).toMatchObject({ quizzes: 1, others: 1 });
  });
});

describe('activityLevel', () => {
  it.each([
    [0, 'empty'],
    [1, 'light'],
    [4, 'light'],
    [5, 'active'],
  ])('should call %i teaching activities %s when 5 make a course active', (count, level) => {
    expect(activityLevel(count, 5)).toBe(level);
  });
});
