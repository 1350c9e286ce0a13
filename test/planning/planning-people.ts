// The staff and pupil the planning tests share, and their day.
import { person } from '../harness/test-bot';

export const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
export const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Dan', familyName: 'Brooks', email: 'dan@school.example' });
export const teacher = person({ id: 'T1', role: 'teacher', givenName: 'Sam', familyName: 'Okafor', email: 'sam@school.example' });
export const otherTeacher = person({ id: 'T2', role: 'teacher', givenName: 'Lee', familyName: 'Hart', email: 'lee@school.example' });
export const senco = person({ id: 'N1', role: 'senco', givenName: 'Pat', familyName: 'Quinn', email: 'pat@school.example' });
export const admin = person({ id: 'D1', role: 'admin', givenName: 'Kim', familyName: 'Shaw', email: 'kim@school.example' });
/** Year 10, form 10A. */
export const ava = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava@school.example',
  yearGroup: 10,
  form: '10A',
});
/** Tuesday 3 March 2026. */
export const TODAY = new Date('2026-03-03T10:00:00Z');
