import { describe, expect, it } from 'vitest';
import { formatYearGroupRanges, parseYearGroupRanges } from '../../src/schooldata/year-group-ranges';

describe('year group lists', () => {
  it.each([
    ['7-13', [7, 8, 9, 10, 11, 12, 13]],
    ['10;11', [10, 11]],
    ['7-9;12', [7, 8, 9, 12]],
    ['12;7-8;8', [7, 8, 12]],
    [' 9 - 10 ; ', [9, 10]],
  ])('reads %j', (text, years) => {
    expect(parseYearGroupRanges(text)).toEqual(years);
  });

  it.each(['', ';', '6-9', '7-14', '13-7', '7-', 'Y7', '7,8', '7.5'])('refuses %j', (text) => {
    expect(parseYearGroupRanges(text)).toBeUndefined();
  });

  it.each([
    [[7, 8, 9, 10, 11, 12, 13], '7-13'],
    [[10, 11], '10;11'],
    [[12, 7, 8, 9], '7-9;12'],
    [[13], '13'],
    [[7, 9, 11, 12, 13], '7;9;11-13'],
  ])('writes %j as %j', (years, text) => {
    expect(formatYearGroupRanges(years)).toBe(text);
    expect(parseYearGroupRanges(text)).toEqual([...years].sort((a, b) => a - b));
  });
});
