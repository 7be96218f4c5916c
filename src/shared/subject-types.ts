// Who writes a report: the four kinds of reporting bodies, each with its own deadlines and duties.

/** Who wrote the report. */
export type SubjectType = 'province' | 'government' | 'township' | 'department';

/** Every subject type, highest level first. */
export const SUBJECT_TYPES: readonly SubjectType[] = ['province', 'government', 'township', 'department'];
