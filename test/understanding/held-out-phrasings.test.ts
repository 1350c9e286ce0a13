import { describe, expect, it } from 'vitest';
import { DEMO_CURRICULUM } from '../../src/schooldata/demo-catalogue';
import { ROLES } from '../../src/domain/school';
import { evaluateHeldOut, FLOORS, heldOutRows } from '../../testing/understanding/held-out-evaluation';

// The floor under `npm run bench -- understanding`: phrasings written by someone who never saw the
// training examples (testing/understanding/held-out-phrasings.json) reach the command they mean.

describe('free text, measured on phrasings the examples never saw', () => {
  const rows = heldOutRows();
  const evaluation = evaluateHeldOut(DEMO_CURRICULUM, rows);
  const misses = evaluation.misses.map(
    ({ row, routed, outcome }) => `${outcome}: ${row.role} “${row.text}” (${row.expected}) ${JSON.stringify(routed)}`,
  );

  it('has at least 300 phrasings, at least 30 for each of the six roles, each naming a command or none', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const role of ROLES) expect(rows.filter((row) => row.role === role).length, role).toBeGreaterThanOrEqual(30);
  });

  it(`reaches the right command for at least ${FLOORS.rightOverall * 100}% overall`, () => {
    expect(evaluation.overall.right, misses.join('\n')).toBeGreaterThanOrEqual(FLOORS.rightOverall);
  });

  it.each(ROLES)(`reaches the right command for at least ${FLOORS.rightEveryRole * 100}%: %s`, (role) => {
    expect(evaluation.byRole.get(role)!.right, misses.filter((miss) => miss.includes(`: ${role} `)).join('\n')).toBeGreaterThanOrEqual(
      FLOORS.rightEveryRole,
    );
  });

  it(`sends at most ${FLOORS.wrongAtMost * 100}% to a wrong command`, () => {
    expect(evaluation.overall.wrong, misses.filter((miss) => miss.startsWith('wrong')).join('\n')).toBeLessThanOrEqual(FLOORS.wrongAtMost);
  });

  it('answers every “none” phrase without running a command', () => {
    expect(evaluation.noneThatRan).toEqual([]);
  });
});
