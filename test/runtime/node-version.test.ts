import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
/** Set by .ci/run when it runs the suite again under another Node (e.g. 24), so that run proves it. */
const EXPECTED_MAJOR = process.env.WAYPOINT_EXPECT_NODE_MAJOR;

const parts = (version: string) => version.replace(/^v/, '').split('.').map(Number);

describe('the Node the tests run on', () => {
  it(`is one package.json's engines allows (${process.version})`, () => {
    const { engines } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const minimum = /^>=\s*(\d+\.\d+(?:\.\d+)?)$/.exec(engines.node)?.[1];
    expect(minimum, `engines.node is ">=x.y": ${engines.node}`).toBeDefined();
    const [major, minor] = parts(process.version);
    const [minMajor, minMinor] = parts(minimum!);
    expect(major! > minMajor! || (major === minMajor && minor! >= minMinor!)).toBe(true);
  });

  it.skipIf(EXPECTED_MAJOR === undefined)(`is Node ${EXPECTED_MAJOR ?? '(any)'}, as WAYPOINT_EXPECT_NODE_MAJOR asks`, () => {
    console.info(`Node ${process.version} (${process.execPath})`);
    expect(parts(process.version)[0]).toBe(Number(EXPECTED_MAJOR));
  });
});
