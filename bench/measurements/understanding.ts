import { performance } from 'node:perf_hooks';
import { understandCommands, understandMessage } from '../../src/bot/understanding';
import { DEMO_CURRICULUM } from '../../src/schooldata/demo-catalogue';
import { JOURNEYS } from '../../src/journeys';
import { evaluateHeldOut, FLOORS, heldOutRows, rowsEqualToAnExample, type Share } from '../../testing/understanding/held-out-evaluation';
import { medianMs } from '../timing';
import { msAtMost, type Check, type Line } from '../turn-lines';

// How well free text reaches the command its writer meant, on phrasings the examples never saw
// (testing/understanding/held-out-phrasings.json), and what reading one costs.

const RANKING_ROUNDS = 20;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function atLeast(share: number, floor: number): Check {
  return { label: `>= ${percent(floor)}`, shown: percent(share), ok: share >= floor };
}

function shareLine(name: string, share: Share, checks: Check[]): Line {
  return {
    name,
    value: percent(share.right),
    checks,
    note:
      `${share.rows} rows: ${percent(share.wrong)} to a wrong command, ${percent(share.didYouMean)} “did you mean”, ` +
      `${percent(share.notUnderstood)} not understood`,
  };
}

export async function understandingLines(): Promise<Line[]> {
  const rows = heldOutRows();
  const evaluation = evaluateHeldOut(DEMO_CURRICULUM, rows);
  const lines: Line[] = [];
  for (const [role, share] of evaluation.byRole)
    lines.push(shareLine(`right command, ${role}`, share, [atLeast(share.right, FLOORS.rightEveryRole)]));
  const { overall } = evaluation;
  lines.push(shareLine('right command, overall', overall, [atLeast(overall.right, FLOORS.rightOverall)]));
  lines.push({
    name: 'to a wrong command (harmful), overall',
    value: percent(overall.wrong),
    checks: [{ label: `<= ${percent(FLOORS.wrongAtMost)}`, shown: percent(overall.wrong), ok: overall.wrong <= FLOORS.wrongAtMost }],
    note: `“none” phrases that ran a command: ${evaluation.noneThatRan.length}`,
  });
  const coinciding = new Set(rowsEqualToAnExample(rows));
  const apart = evaluateHeldOut(
    DEMO_CURRICULUM,
    rows.filter((row) => !coinciding.has(row)),
  ).overall;
  lines.push({
    name: 'right command, rows equal to no example',
    value: percent(apart.right),
    checks: [],
    note: `${coinciding.size} of ${rows.length} rows equal an example written apart (“thanks”, “my meetings this week”)`,
  });

  const trainMs = await medianMs(5, () => understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples));
  lines.push({
    name: 'training the intent model at start',
    value: `${trainMs.toFixed(0)} ms`,
    checks: [msAtMost(trainMs, 1000)],
    note: 'median of 5',
  });
  const understanding = understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples);
  const times: number[] = [];
  for (let round = 0; round < RANKING_ROUNDS; round += 1)
    for (const { role, text } of rows) {
      const start = performance.now();
      understandMessage(understanding, text, role);
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(times.length * 0.99)]!;
  lines.push({
    name: 'reading one message, p99',
    value: `${p99.toFixed(3)} ms`,
    checks: [msAtMost(p99, 2)],
    note: `${times.length} readings, median ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms`,
  });
  return lines;
}
