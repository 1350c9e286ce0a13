import { describe, expect, it } from 'vitest';
import { spellingDistance } from '../../src/domain/spelling-distance';
import { closestPupils } from '../../src/domain/pupil-names';
import { person } from '../harness/test-bot';

describe('spelling distance', () => {
  it('counts a letter added, missed, changed or two swapped as one slip each', () => {
    expect(spellingDistance('ava patel', 'ava patel')).toBe(0);
    expect(spellingDistance('ava patell', 'ava patel')).toBe(1);
    expect(spellingDistance('ava pael', 'ava patel')).toBe(1);
    expect(spellingDistance('ava petel', 'ava patel')).toBe(1);
    expect(spellingDistance('ava ptael', 'ava patel')).toBe(1);
    expect(spellingDistance('eva patell', 'ava patel')).toBe(2);
    expect(spellingDistance('', 'abc')).toBe(3);
  });

  it('stops counting past the limit', () => {
    expect(spellingDistance('ava patel', 'zoe wright', 2)).toBe(3);
    expect(spellingDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('pupils a mistyped name may mean', () => {
  const pupil = (id: string, givenName: string, familyName: string) =>
    person({ id, role: 'pupil', givenName, familyName, email: `${id}@school.example` });
  const ava = pupil('P1', 'Ava', 'Patel');
  const eva = pupil('P2', 'Eva', 'Patel');
  const avi = pupil('P3', 'Avi', 'Patil');
  const ada = pupil('P4', 'Ada', 'Patel');
  const patek = pupil('P6', 'Ava', 'Patek');
  const zoe = pupil('P5', 'Zoe', 'Wright');

  it('offers the nearest names within two slips, nearest first, at most three', () => {
    expect(closestPupils('Ava Patell', [zoe, avi, eva, patek, ada, ava]).map((found) => found.id)).toEqual(['P1', 'P4', 'P6']);
    expect(closestPupils('Wrihgt Zoe', [zoe, ava]).map((found) => found.id)).toEqual(['P5']);
    expect(closestPupils('Patell', [zoe, eva, ava]).map((found) => found.id)).toEqual(['P1', 'P2']);
    expect(closestPupils('Wrigth', [zoe, ava]).map((found) => found.id)).toEqual(['P5']);
  });

  it('offers nothing for a name three slips away, or too short to guess from', () => {
    expect(closestPupils('Zara Whyte', [zoe])).toEqual([]);
    expect(closestPupils('Av', [ava])).toEqual([]);
  });
});
