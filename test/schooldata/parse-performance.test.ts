import { describe, expect, it } from 'vitest';
import { emptySchoolData } from '../../src/domain/school';
import { scaledSchoolForBenchmark } from '../../src/schooldata/demo-school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';

describe('parseSchoolFiles at scale', () => {
  it('parses a 1,500-pupil school with 40,000 attendance rows in well under 2 seconds', () => {
    const school = scaledSchoolForBenchmark({ asOf: '2026-03-15', pupils: 1500, attendanceRows: 40_000 });
    expect(school.attendance).toHaveLength(40_000);
    expect(school.people.filter((person) => person.role === 'pupil').length).toBeGreaterThanOrEqual(1_490);
    const files = writeSchoolFiles(school);

    // CPU time rather than wall-clock time, so that other test files running alongside do not count.
    const started = process.cpuUsage();
    const result = parseSchoolFiles(files, emptySchoolData());
    const used = process.cpuUsage(started);
    const cpuMilliseconds = (used.user + used.system) / 1000;

    expect(result.ok).toBe(true);
    // About 0.5 s cold on a two-core machine.
    expect(cpuMilliseconds).toBeLessThan(2_000);
  });
});
