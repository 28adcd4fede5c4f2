/** A faculty member as stored after cleaning (natural key: nationalCode). */
export type FacultyMember = {
  nationalCode: string;
  professorCode: string | null;
  firstName: string;
  lastName: string;
  field: string | null;
  mobile: string | null;
  email: string | null;
  personnelId: string | null;
  campusCode: string | null;
  campusName: string | null;
  city: string | null;
  provinceName: string | null;
  deletedAt: string | null;
  lastRunId: string | null;
};
