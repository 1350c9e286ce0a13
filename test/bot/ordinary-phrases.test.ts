import { describe, expect, it } from 'vitest';
import { MESSAGE_COMMANDS } from '../../src/journeys';
import { commandForPhrase } from '../../src/bot/phrases/ordinary-phrases';
import type { Role } from '../../src/domain/school';

// Each row: what someone in that role typed, and the command it should run (undefined: none,
// so the fallback answers). Near-misses sit beside the phrasings they must not be confused with.
const PHRASINGS: [Role, string, string | undefined][] = [
  // Pupils
  ['pupil', 'when is my meeting?', 'meetings'],
  ['pupil', 'When is my next appointment', 'meetings'],
  ['pupil', 'what time is my careers meeting?', 'meetings'],
  ['pupil', 'do I have a meeting?', 'meetings'],
  ['pupil', 'cancel my meeting', 'meetings'],
  ['pupil', 'I need to move my appointment', 'meetings'],
  ['pupil', "I can't make my meeting", 'meetings'],
  ['pupil', 'I want to book a meeting please', 'book a meeting'],
  ['pupil', 'can I book an appointment with the careers adviser?', 'book a meeting'],
  ['pupil', 'I would like to see the careers adviser', 'book a meeting'],
  ['pupil', 'can i talk to the careers adviser', 'book a meeting'],
  ['pupil', 'get a careers meeting', 'book a meeting'],
  ['pupil', 'please could I ask for a meeting', 'request a meeting'],
  ['pupil', 'I want to request a guidance appointment', 'request a meeting'],
  ['pupil', 'show me my record', 'my record'],
  ['pupil', 'what have I done so far?', 'my record'],
  ['pupil', 'my careers history', 'my record'],
  ['pupil', 'can I see my progress', 'my record'],
  ['pupil', 'I want to change my plans', 'my plans'],
  ['pupil', 'update my future goals', 'my plans'],
  ['pupil', 'what can you do?', 'help'],
  ['pupil', "what's my role", 'my details'],
  // Pupils: near-misses that must not reach staff commands, or the wrong one
  ['pupil', 'report Year 10', undefined],
  ['pupil', 'how are we doing on benchmark 5?', undefined],
  ['pupil', 'show me SEND pupils', undefined],
  ['pupil', 'record Ava Patell', undefined],
  ['pupil', "show me Ava Patel's record", undefined],
  ['pupil', 'I like books', undefined],
  ['pupil', 'can I borrow some books', undefined],
  ['pupil', 'what are the gaps?', undefined],
  ['pupil', 'add slots please', undefined],
  ['pupil', 'any requests?', undefined],
  ['pupil', 'I want to log a link', undefined],
  ['pupil', 'take the register', undefined],
  ['pupil', 'change the school settings', undefined],
  // Advisers
  ['careers_adviser', 'when is my next meeting?', 'my diary'],
  ['careers_adviser', "what's in my diary today", 'my diary'],
  ['careers_adviser', 'who am I seeing today? meetings today', 'my diary'],
  ['careers_adviser', 'I want to add some slots', 'add slots'],
  ['careers_adviser', "I'm free on Tuesday afternoon", 'add slots'],
  ['careers_adviser', 'show my free slots', 'my slots'],
  ['careers_adviser', 'who has asked for a meeting?', 'requests'],
  ['careers_adviser', 'any new requests?', 'requests'],
  ['careers_adviser', "show me Ava Patel's record", 'record Ava Patel'],
  ['careers_adviser', 'open the record for Ava Patel', 'record Ava Patel'],
  ['careers_adviser', 'look up Ava Patel', 'record Ava Patel'],
  ['careers_adviser', 'how are we doing on benchmark 5?', 'report'],
  ['careers_adviser', 'report Year 10', 'report Year 10'],
  ['careers_adviser', 'log an employer talk', 'record activity'],
  ['careers_adviser', 'I want to book a meeting please', undefined],
  ['careers_adviser', 'what are the gaps?', 'report'],
  // Careers leader
  ['careers_leader', 'how are we doing on benchmark 5?', 'report'],
  ['careers_leader', 'report Year 10', 'report Year 10'],
  ['careers_leader', 'show me SEND pupils', 'report SEND'],
  ['careers_leader', 'how is the school doing?', 'report'],
  ['careers_leader', 'what are our gaps?', 'gaps'],
  ['careers_leader', "what's missing", 'gaps'],
  ['careers_leader', 'please post the digest in this channel', 'post the digest here'],
  ['careers_leader', 'I need to change the school settings', 'school settings'],
  ['careers_leader', 'we had a visit from a local employer', 'record activity'],
  ['careers_leader', 'mark who attended', 'attendance'],
  ['careers_leader', 'look up Ava Patel', 'record Ava Patel'],
  ['careers_leader', 'my record', undefined],
  ['careers_leader', 'look up the report', 'report'],
  ['careers_adviser', 'find a time for Ava', undefined],
  ['careers_adviser', 'find pupil P0001', 'record P0001'],
  // SENCO
  ['senco', 'show me SEND pupils', 'report SEND'],
  ['senco', 'how are we doing on benchmark 5?', 'report'],
  ['senco', "Ava Patel's record", 'record Ava Patel'],
  ['senco', 'what are the gaps', 'report'],
  ['senco', 'add slots', undefined],
  ['senco', 'log an employer talk', undefined],
  // Teachers
  ['teacher', 'I want to log a link', 'log link'],
  ['teacher', 'add a curriculum link please', 'log link'],
  ['teacher', 'show my links', 'my links'],
  ['teacher', 'links I have logged', 'my links'],
  ['teacher', 'which topics are covered in my department?', 'coverage'],
  ['teacher', 'my own coverage please', 'my coverage'],
  ['teacher', 'take the register for the careers fair', 'attendance'],
  ['teacher', 'record a university visit', 'record activity'],
  ['teacher', 'report Year 10', undefined],
  ['teacher', 'show me SEND pupils', undefined],
  ['teacher', 'how are we doing on benchmark 5?', undefined],
  ['teacher', "show me Ava Patel's record", undefined],
  ['teacher', 'when is my next meeting?', undefined],
  ['teacher', 'I want to book a meeting please', undefined],
  ['teacher', 'change the school settings', undefined],
  // Administrators
  ['admin', 'how are we doing on benchmark 5?', 'report'],
  ['admin', 'what are the gaps?', 'gaps'],
  ['admin', 'open the settings please', 'school settings'],
  ['admin', 'show me the benchmark report for Year 11', 'report Year 11'],
  ['admin', "show me Ava Patel's record", undefined],
  ['admin', 'log an employer talk', undefined],
  ['admin', 'add slots', undefined],
  // The report narrowed to a year group or to SEND pupils, and what must not narrow it
  ['careers_leader', 'Y10 gaps', 'report Year 10'],
  ['careers_leader', 'how is year 9 getting on?', 'report Year 9'],
  ['careers_leader', 'year 10s progress', 'report Year 10'],
  ['careers_leader', 'pupils with SEND', 'report SEND'],
  ['senco', 'how are pupils with SEND doing in Year 11?', 'report Year 11 SEND'],
  ['senco', 'SEND report please', 'report SEND'],
  ['senco', 'special educational needs', 'report SEND'],
  ['admin', 'year 13 report', 'report Year 13'],
  ['careers_adviser', 'show me the SEND gaps', 'report SEND'],
  ['careers_leader', 'send me the report', 'report'],
  ['careers_leader', 'please send the digest here', 'post the digest here'],
  ['careers_leader', 'report Year 6', 'report'],
  ['careers_leader', 'year 10', undefined],
  ['careers_leader', 'log a year 10 employer talk', 'record activity'],
  ['careers_adviser', 'when is my meeting with the year 10 pupil?', 'my diary'],
  ['teacher', 'how is year 10 doing?', undefined],
  ['teacher', 'SEND report', undefined],
  ['pupil', 'how is year 10 doing?', undefined],
  ['pupil', 'pupils with SEND', undefined],
  // Nothing recognisable
  ['careers_leader', 'the weather is nice', undefined],
  ['pupil', '', undefined],
  ['teacher', '???', undefined],
];

describe('ordinary phrasings', () => {
  it(`covers at least 60 phrasings (${PHRASINGS.length})`, () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PHRASINGS)('%s: "%s" runs %s', (role, text, expected) => {
    expect(commandForPhrase(text, role)).toBe(expected);
  });

  it.each(PHRASINGS.filter(([, , expected]) => expected !== undefined))('%s: "%s" becomes a command that role may use', (role, text) => {
    const commandText = commandForPhrase(text, role)!;
    const command = MESSAGE_COMMANDS.find((candidate) => candidate.pattern.test(commandText));
    expect(command?.roles).toContain(role);
  });

  it('keeps the name as it was typed, for the pupil search', () => {
    expect(commandForPhrase('could you please open the record for Siân O’Brien-Łukasiewicz?', 'senco')).toBe(
      'record Siân O’Brien-Łukasiewicz',
    );
  });

  it('reads nothing into a very long message', () => {
    expect(commandForPhrase(`when is my meeting ${'x'.repeat(400)}`, 'pupil')).toBeUndefined();
  });
});
