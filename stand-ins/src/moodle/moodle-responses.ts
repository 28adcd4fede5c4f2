import {
  ADMIN_ID,
  SITE_EPOCH,
  SITE_ID,
  type MoodleCategory,
  type MoodleCourse,
  type MoodleDataset,
  type MoodleModule,
  type MoodleUser,
} from './moodle-dataset';

// Every builder returns the same keys, in the same order and with the same JSON types, as the bodies
// captured from a real Moodle 4.3 site (stand-ins/fixtures/moodle); the spec compares them shape by shape.

export const RELEASE = '4.3 (Build: 20231009)';
export const VERSION = '2023100900';
const THEME_REV = 1795466948;
const MOD_PLURALS: Record<string, string> = { resource: 'Files', page: 'Pages', url: 'URLs', assign: 'Assignments', quiz: 'Quizzes', forum: 'Forums' };
const RESOURCE_CUSTOMDATA = '{"displayoptions":"a:1:{s:10:\\"printintro\\";i:0;}","display":5}';

export type SiteContext = { base: string; siteName: string; username: string; functions: string[]; showCourseUpdates: boolean };

export const siteInfo = (site: SiteContext) => ({
  sitename: site.siteName,
  username: site.username,
  firstname: 'Hamgam',
  lastname: 'Sync',
  fullname: 'Hamgam Sync',
  lang: 'fa',
  userid: ADMIN_ID,
  siteurl: site.base,
  userpictureurl: `${site.base}/theme/image.php/boost/core/${THEME_REV}/u/f1`,
  functions: site.functions.map((name) => ({ name, version: VERSION })),
  downloadfiles: 1,
  uploadfiles: 0,
  release: RELEASE,
  version: VERSION,
  mobilecssurl: '',
  advancedfeatures: ['usecomments', 'usetags', 'enablenotes', 'messaging', 'enablecompletion'].map((name) => ({ name, value: 1 })),
  usercanmanageownfiles: true,
  userquota: 0,
  usermaxuploadfilesize: -1,
  userhomepage: 1,
  userprivateaccesskey: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  siteid: SITE_ID,
  sitecalendartype: 'gregorian',
  usercalendartype: 'gregorian',
  userissiteadmin: true,
  theme: 'boost',
  limitconcurrentlogins: 0,
});

export const categories = (data: MoodleDataset) =>
  data.categories.map((category) => ({
    id: category.id,
    name: category.name,
    idnumber: category.idnumber,
    description: '',
    descriptionformat: 1,
    parent: category.parent,
    sortorder: category.sortorder,
    coursecount: data.courses.filter((course) => course.categoryid === category.id).length,
    visible: 1,
    visibleold: 1,
    timemodified: category.timemodified,
    depth: pathOf(data.categories, category).length,
    path: `/${pathOf(data.categories, category).join('/')}`,
    theme: '',
  }));

const pathOf = (all: MoodleCategory[], category: MoodleCategory): number[] => {
  const parent = all.find((c) => c.id === category.parent);
  return parent ? [...pathOf(all, parent), category.id] : [category.id];
};

/** The front page is a course too (format "site"), and the list functions return it. */
export const frontPage = (siteName: string): MoodleCourse => ({
  id: SITE_ID,
  shortname: 'hamgam',
  fullname: siteName,
  idnumber: '',
  categoryid: 0,
  visible: true,
  startdate: 0,
  enddate: 0,
  timecreated: SITE_EPOCH - 86_400,
  timemodified: SITE_EPOCH - 86_000,
  cacherev: SITE_EPOCH - 86_000,
  sections: [],
});

const isSite = (course: MoodleCourse) => course.id === SITE_ID;
const formatOptions = (course: MoodleCourse) =>
  isSite(course)
    ? [{ name: 'numsections', value: 1 }]
    : [
        { name: 'hiddensections', value: 1 },
        { name: 'coursedisplay', value: 0 },
      ];
const summary = (course: MoodleCourse) => (isSite(course) ? '' : `<p>${course.fullname}</p>`);
const sortorder = (course: MoodleCourse) => (isSite(course) ? 1 : course.categoryid * 10_000 + course.id);

/** core_course_get_courses: the manager's view; timemodified only with moodle/course:update. */
export const fullCourse = (course: MoodleCourse, showUpdates: boolean) => ({
  id: course.id,
  shortname: course.shortname,
  categoryid: course.categoryid,
  categorysortorder: sortorder(course),
  fullname: course.fullname,
  displayname: course.fullname,
  idnumber: course.idnumber,
  summary: summary(course),
  summaryformat: isSite(course) ? 0 : 1,
  format: isSite(course) ? 'site' : 'topics',
  showgrades: 1,
  newsitems: isSite(course) ? 3 : 0,
  startdate: course.startdate,
  enddate: course.enddate,
  numsections: isSite(course) ? 1 : course.sections.length - 1,
  maxbytes: 0,
  showreports: 0,
  visible: course.visible ? 1 : 0,
  ...(isSite(course) ? {} : { hiddensections: 1 }),
  groupmode: 0,
  groupmodeforce: 0,
  defaultgroupingid: 0,
  timecreated: course.timecreated,
  ...(showUpdates ? { timemodified: course.timemodified } : {}),
  enablecompletion: 0,
  completionnotify: 0,
  lang: '',
  forcetheme: '',
  courseformatoptions: formatOptions(course),
  showactivitydates: false,
  showcompletionconditions: isSite(course) ? null : true,
});

/** core_course_get_courses_by_field: public part, then what a user who may enter and update the course sees. */
export const courseByField = (course: MoodleCourse, data: MoodleDataset, base: string, showUpdates: boolean) => {
  const teachers = (data.enrolments.get(course.id) ?? []).filter((e) => e.roles.includes('editingteacher'));
  return {
    id: course.id,
    fullname: course.fullname,
    displayname: course.fullname,
    shortname: course.shortname,
    courseimage: `${base}/pluginfile.php/${course.id * 6}/course/generated/course.svg`,
    categoryid: course.categoryid,
    categoryname: data.categories.find((c) => c.id === course.categoryid)?.name ?? '',
    sortorder: sortorder(course),
    summary: summary(course),
    summaryformat: isSite(course) ? 0 : 1,
    summaryfiles: [],
    overviewfiles: [],
    showactivitydates: false,
    showcompletionconditions: isSite(course) ? null : true,
    contacts: teachers.map((e) => ({ id: e.userid, fullname: fullName(data.users.find((u) => u.id === e.userid)) })),
    enrollmentmethods: isSite(course) ? [] : ['manual'],
    idnumber: course.idnumber,
    format: isSite(course) ? 'site' : 'topics',
    showgrades: 1,
    newsitems: isSite(course) ? 3 : 0,
    startdate: course.startdate,
    enddate: course.enddate,
    maxbytes: 0,
    showreports: 0,
    visible: course.visible ? 1 : 0,
    groupmode: 0,
    groupmodeforce: 0,
    defaultgroupingid: 0,
    enablecompletion: 0,
    completionnotify: 0,
    lang: '',
    theme: '',
    marker: 0,
    legacyfiles: 0,
    calendartype: '',
    timecreated: course.timecreated,
    ...(showUpdates ? { timemodified: course.timemodified } : {}),
    requested: 0,
    ...(showUpdates ? { cacherev: course.cacherev } : {}),
    filters: ['displayh5p', 'activitynames', 'mathjaxloader'].map((filter) => ({ filter, localstate: 0, inheritedstate: 1 })),
    courseformatoptions: [...formatOptions(course), ...(isSite(course) ? [] : [{ name: 'indentation', value: '1' }])],
  };
};

const fullName = (user: MoodleUser | undefined) => (user ? `${user.firstname} ${user.lastname}` : '');

const moduleContents = (module: MoodleModule, base: string) => {
  if (module.modname === 'resource') {
    return module.files.map((file, index) => ({
      type: 'file',
      filename: file.filename,
      filepath: '/',
      filesize: file.filesize,
      fileurl: `${base}/webservice/pluginfile.php/${module.contextid}/mod_resource/content/0/${file.filename}?forcedownload=1`,
      timecreated: file.timemodified,
      timemodified: file.timemodified,
      sortorder: index === 0 ? 1 : 0,
      mimetype: file.mimetype,
      isexternalfile: false,
      userid: null,
      author: null,
      license: null,
    }));
  }
  if (module.modname === 'page') {
    return [
      {
        type: 'file',
        filename: 'index.html',
        filepath: '/',
        filesize: 0,
        fileurl: `${base}/webservice/pluginfile.php/${module.contextid}/mod_page/content/index.html?forcedownload=1`,
        timecreated: null,
        timemodified: module.timemodified,
        sortorder: 1,
        userid: null,
        author: null,
        license: null,
      },
    ];
  }
  if (module.modname === 'url') {
    return [
      {
        type: 'url',
        filename: module.name,
        filepath: null,
        filesize: 0,
        fileurl: `https://example.ac.ir/ref/${module.id}`,
        timecreated: null,
        timemodified: module.timemodified,
        sortorder: null,
        userid: null,
        author: null,
        license: null,
      },
    ];
  }
  return null;
};

/** One module of core_course_get_contents: modules without files have no `contents` key at all (4.3). */
export const contentModule = (module: MoodleModule, base: string) => {
  const contents = moduleContents(module, base);
  const mimetypes = [...new Set(module.files.map((file) => file.mimetype))];
  return {
    id: module.id,
    url: `${base}/mod/${module.modname}/view.php?id=${module.id}`,
    name: module.name,
    instance: module.instance,
    contextid: module.contextid,
    visible: module.visible ? 1 : 0,
    uservisible: true,
    visibleoncoursepage: 1,
    modicon: `${base}/theme/image.php/boost/${module.modname}/${THEME_REV}/monologo?filtericon=1`,
    modname: module.modname,
    modplural: MOD_PLURALS[module.modname],
    availability: null,
    indent: 0,
    onclick: '',
    afterlink: null,
    ...(module.modname === 'resource' || module.modname === 'forum' ? { activitybadge: [] } : {}),
    customdata: module.modname === 'resource' ? RESOURCE_CUSTOMDATA : '""',
    noviewlink: false,
    completion: 0,
    downloadcontent: 1,
    dates: [],
    groupmode: 0,
    ...(contents
      ? {
          contents,
          contentsinfo: {
            filescount: contents.length,
            filessize: contents.reduce((sum, item) => sum + item.filesize, 0),
            lastmodified: module.timemodified,
            mimetypes,
            repositorytype: '',
          },
        }
      : {}),
  };
};

export const courseContents = (course: MoodleCourse, base: string) =>
  course.sections.map((section) => ({
    id: section.id,
    name: section.name,
    visible: section.visible ? 1 : 0,
    summary: '',
    summaryformat: 1,
    section: section.section,
    hiddenbynumsections: 0,
    uservisible: true,
    modules: section.modules.map((module) => contentModule(module, base)),
  }));

const pictures = (base: string) => ({
  profileimageurlsmall: `${base}/theme/image.php/boost/core/${THEME_REV}/u/f2`,
  profileimageurl: `${base}/theme/image.php/boost/core/${THEME_REV}/u/f1`,
});

/** core_enrol_get_enrolled_users: an empty idnumber is left out, not sent as "". */
export const enrolledUser = (user: MoodleUser, roles: string[], courses: MoodleCourse[], base: string) => ({
  id: user.id,
  username: user.username,
  firstname: user.firstname,
  lastname: user.lastname,
  fullname: fullName(user),
  email: user.email,
  department: '',
  ...(user.idnumber ? { idnumber: user.idnumber } : {}),
  firstaccess: 0,
  lastaccess: 0,
  lastcourseaccess: 0,
  ...pictures(base),
  roles: roles.map((shortname) => ({ roleid: shortname === 'student' ? 5 : 3, name: '', shortname, sortorder: 0 })),
  enrolledcourses: courses.map((course) => ({ id: course.id, fullname: course.fullname, shortname: course.shortname })),
});

/** core_user_get_users_by_field. */
export const userDetails = (user: MoodleUser, base: string) => ({
  id: user.id,
  username: user.username,
  firstname: user.firstname,
  lastname: user.lastname,
  fullname: fullName(user),
  email: user.email,
  department: '',
  ...(user.idnumber ? { idnumber: user.idnumber } : {}),
  firstaccess: 0,
  lastaccess: 0,
  auth: 'manual',
  suspended: false,
  confirmed: true,
  lang: 'fa',
  theme: '',
  timezone: '99',
  mailformat: 1,
  ...pictures(base),
});
