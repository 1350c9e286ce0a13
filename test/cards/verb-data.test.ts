import { describe, expect, it } from 'vitest';
import { executeAction, formAction } from '../../src/cards/adaptive-card';
import { CARD_VERBS } from '../../src/journeys';
import { LINK_VERBS } from '../../src/journeys/links/link-verbs';
import { MEETING_VERBS } from '../../src/journeys/meetings/meeting-verbs';

// One definition per card verb (name and data schema) that both the card's button and the route
// take. The @ts-expect-error lines are checked by `npm test`'s typecheck: if a card could send data
// its verb's schema refuses, that line would compile and the typecheck would fail.

describe('a card button and the verb it runs', () => {
  it('sends the verb’s own name, with data its route accepts', () => {
    const button = executeAction('Move', MEETING_VERBS.moveTo, { meetingId: 'M1', slotKey: 'S1' });
    expect(button).toEqual({ type: 'Action.Execute', title: 'Move', verb: 'meeting.moveTo', data: { meetingId: 'M1', slotKey: 'S1' } });
    const route = CARD_VERBS.find((verb) => verb.verb === MEETING_VERBS.moveTo.name)!;
    expect(route.data).toBe(MEETING_VERBS.moveTo.data);
    expect(route.data.safeParse(button.data).success).toBe(true);
  });

  it('routes every verb under its definition’s name and schema, each name once', () => {
    const names = CARD_VERBS.map((verb) => verb.verb);
    expect(new Set(names).size).toBe(names.length);
    for (const definition of [...Object.values(LINK_VERBS), ...Object.values(MEETING_VERBS)]) {
      expect(CARD_VERBS.find((verb) => verb.verb === definition.name)?.data, definition.name).toBe(definition.data);
    }
  });

  it('does not compile a button whose data its verb would refuse', () => {
    // @ts-expect-error the schema requires a slot key
    const missing = executeAction('Move', MEETING_VERBS.moveTo, { meetingId: 'M1' });
    // @ts-expect-error a link id is text
    const wrongType = executeAction('Delete', LINK_VERBS.remove, { linkId: 5 });
    // @ts-expect-error a verb's name alone carries no schema
    executeAction('My diary', 'diary.show');
    // @ts-expect-error a misspelt field of a form's own data
    formAction('Save link', LINK_VERBS.save, { draftId: 'd1', subjet: 'Mathematics' });
    // @ts-expect-error the link ids are required
    executeAction('Undo', LINK_VERBS.undo);
    expect(MEETING_VERBS.moveTo.data.safeParse(missing.data).success).toBe(false);
    expect(LINK_VERBS.remove.data.safeParse(wrongType.data).success).toBe(false);
  });

  it('lets a form button leave to the card’s inputs what they supply', () => {
    const save = formAction('Save link', LINK_VERBS.save, { draftId: 'd1', subject: 'Mathematics' });
    const submitted = { ...(save.data as object), yearGroups: '9', topic: 'ratio', otherCareers: 'nurse' };
    expect(LINK_VERBS.save.data.safeParse(submitted).success).toBe(true);
  });
});
