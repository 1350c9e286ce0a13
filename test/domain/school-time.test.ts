import { describe, expect, it } from 'vitest';
import { instantOfSchoolTime, schoolDateTimeOf } from '../../src/domain/school-time';

// School-local times become instants with the UK offset of their own date, whatever today's is.

describe('school-local time to an instant', () => {
  it.each([
    ['a winter day', '2026-03-02T08:00', '2026-03-02T08:00:00.000Z'],
    ['a summer day', '2026-06-15T08:00', '2026-06-15T07:00:00.000Z'],
    ['the spring Sunday, after the change', '2026-03-29T08:00', '2026-03-29T07:00:00.000Z'],
    ['the spring Sunday, before the change', '2026-03-29T00:30', '2026-03-29T00:30:00.000Z'],
    ['the autumn Sunday, after the change', '2026-10-25T08:00', '2026-10-25T08:00:00.000Z'],
    ['the autumn Sunday, before the change', '2026-10-25T00:30', '2026-10-24T23:30:00.000Z'],
    ['the Saturday before the autumn change', '2026-10-24T08:00', '2026-10-24T07:00:00.000Z'],
  ])('reads 08:00-style times on %s', (_day, local, instant) => {
    expect(instantOfSchoolTime(local).toISOString()).toBe(instant);
    expect(schoolDateTimeOf(new Date(instant))).toBe(local);
  });

  it('puts a time the clocks skip an hour on, and takes the first of a time that happens twice', () => {
    expect(instantOfSchoolTime('2026-03-29T01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(instantOfSchoolTime('2026-10-25T01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST, not GMT
  });
});
