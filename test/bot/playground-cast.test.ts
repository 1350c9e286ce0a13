import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/school';
import { choosePlaygroundCast } from '../../src/playground/playground-people';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';

// The Playground's team and group chat hold "you" and five others. The careers leader says "post the
// digest here" in its Careers team, which Waypoint refuses when pupils are in the team.

describe('who shares the Playground’s team and group chat', () => {
  const people = generateDemoSchool({ asOf: '2026-03-04', pupilsPerYear: 3 }).people;

  it.each(ROLES.filter((role) => role !== 'pupil'))('is staff only for %s', (role) => {
    const cast = choosePlaygroundCast(people, role)!;
    expect(cast.others.length).toBeGreaterThan(0);
    expect(cast.others.filter((person) => person.role === 'pupil')).toEqual([]);
  });

  it.each([
    ['senco', DEMO_PEOPLE.senco],
    ['admin', DEMO_PEOPLE.admin],
    ['careers_leader', DEMO_PEOPLE.careersLeader],
  ] as const)('signs in as the demo school’s fixed %s', (role, who) => {
    const you = choosePlaygroundCast(people, role)!.you;
    expect([you.id, you.role, you.email]).toEqual([who.id, role, who.email]);
  });

  it('is pupils for a pupil', () => {
    const cast = choosePlaygroundCast(people, 'pupil')!;
    expect(cast.others.length).toBeGreaterThan(0);
    expect(cast.others.every((person) => person.role === 'pupil')).toBe(true);
  });
});
