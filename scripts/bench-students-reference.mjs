// The lean reference the students benchmark compares Hamgam with: the same calls (campus × term, newest term
// first), the same concurrency and page size, paging until a short page, raw prepared upserts of the raw
// fields into the same two tables, one transaction per page; no validation, cleaning, hashing, rate gate,
// retries, progress or IPC. Run as its own process: node bench-students-reference.mjs '<json settings>'.
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../backend/package.json', import.meta.url));
const Database = require('better-sqlite3');

const { baseUrl, username, password, databasePath, campuses, terms, concurrency, pageSize } = JSON.parse(process.argv[2]);

const db = new Database(databasePath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const FIELDS = [
  'studentnum',
  'nationalcode',
  'firstname',
  'familyname',
  'firstnameeng',
  'familynameeng',
  'fathername',
  'codvaziayat',
  'vazeiyat',
  'birthdate',
  'birthplace',
  'city',
  'address',
  'phonenum',
  'email',
  'sex',
  'course',
  'course_name',
  'grade',
  'gradname',
  'degsdate',
  'last_degree',
  'uniname',
  'sub_uniname',
  'sub_num',
  'provinceCode',
  'province',
];
db.exec(`CREATE TABLE students (${FIELDS.map((f) => `${f} TEXT`).join(', ')}, campus_code TEXT, term TEXT, updated_at TEXT, PRIMARY KEY (studentnum));
  CREATE TABLE student_terms (studentnum TEXT, term TEXT, campus_code TEXT, codvaziayat TEXT, vazeiyat TEXT, updated_at TEXT,
    PRIMARY KEY (studentnum, term, campus_code)) WITHOUT ROWID;`);
// Positional parameters, as Hamgam binds them: named ones cost more than the write itself at this rate.
const upsertStudent = db.prepare(
  `INSERT INTO students (${FIELDS.join(', ')}, campus_code, term, updated_at) VALUES (${FIELDS.map(() => '?').join(', ')}, ?, ?, ?)
   ON CONFLICT (studentnum) DO UPDATE SET ${FIELDS.slice(1)
     .map((f) => `${f} = excluded.${f}`)
     .join(', ')},
     campus_code = excluded.campus_code, term = excluded.term, updated_at = excluded.updated_at
   WHERE excluded.term > students.term OR (excluded.term = students.term AND excluded.campus_code >= students.campus_code)`,
);
const upsertTerm = db.prepare(
  `INSERT INTO student_terms VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT DO UPDATE SET codvaziayat = excluded.codvaziayat, vazeiyat = excluded.vazeiyat, updated_at = excluded.updated_at
   WHERE codvaziayat IS NOT excluded.codvaziayat OR vazeiyat IS NOT excluded.vazeiyat`,
);
const savePage = db.transaction((records, campus, term) => {
  const now = new Date().toISOString();
  for (const record of records) {
    upsertStudent.run(...FIELDS.map((field) => record[field] ?? null), campus, term, now);
    upsertTerm.run(record.studentnum ?? null, term, campus, record.codvaziayat ?? null, record.vazeiyat ?? null, now);
  }
});

// The same HTTP client as Hamgam's (node:http, kept-alive connections), so the ratio compares the rest.
const agent = new Agent({ keepAlive: true });
const post = (path, body, token) =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    const req = request(baseUrl + path, { method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : reject(new Error(`${path} answered ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });

const { data } = await post('/Login', { userName: username, password });
const calls = campuses.flatMap((campus) => [...terms].reverse().map((term) => ({ campus, term })));
let next = 0;
let rows = 0;
const worker = async () => {
  while (next < calls.length) {
    const { campus, term } = calls[next++];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const page = await post('/API/Golestan/Students_2', { codePardis: campus, term, paging: { pageNumber, pageSize }, Filter: {} }, data.token);
      savePage(page.data, campus, term);
      rows += page.data.length;
      if (page.data.length < pageSize) break;
    }
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
db.close();
agent.destroy();
process.stdout.write(JSON.stringify({ rows, calls: calls.length }));
