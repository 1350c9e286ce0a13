import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import { draftIdField, optionalText, typedText } from '../../cards/card-fields';
import { STAFF_ROLES } from '../../domain/roles';

// Every card verb of the link journey, with the data its buttons send, so cards and routes agree.

// Anyone on the staff may log a link for a lesson they taught; pupils may not.
export const LINK_ROLES = STAFF_ROLES;

const linkIdList = z.array(z.string().min(1).max(120)).min(1).max(7);
/** What a typed link already said, carried to the details card. */
const prefillData = z.object({ topic: typedText(2000), careers: typedText(2000, { multiline: true }), yearGroups: optionalText(50) });
export type LinkPrefill = z.input<typeof prefillData>;
export const startData = z.object({
  draftId: draftIdField.optional(),
  subject: z.string().max(100).optional(),
  yearGroup: z.coerce.number().int().min(7).max(13).optional(),
  prefill: prefillData.optional(),
});
export const chooseSubjectData = startData.extend({
  draftId: draftIdField,
  subject: z.string().max(100).optional().default(''),
  /** The teacher said yes to "not your subject?". */
  subjectConfirmed: z.boolean().optional().default(false),
});
export const saveData = z.object({
  draftId: draftIdField,
  subject: z.string().max(100),
  editing: z.array(z.string().min(1).max(120)).max(7).default([]),
  yearGroups: optionalText(50),
  topic: typedText(2000),
  careerChoices: typedText(4000),
  otherCareers: typedText(4000, { multiline: true }),
  date: optionalText(20),
  note: typedText(4000, { multiline: true }),
  /** The teacher saw the same link already logged that day and chose to save this one as well. */
  saveAnyway: z.boolean().optional().default(false),
});
export const linkIdsData = z.object({ linkIds: linkIdList });
export const deleteData = z
  .object({
    // One link (cards posted before links were grouped) or the year groups logged together.
    linkId: z.string().min(1).max(120).optional(),
    linkIds: linkIdList.optional(),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
    confirmed: z.boolean().optional().default(false),
    /** Undo pressed on an edited link: it removes the whole link, not only the edit, so the ask says so. */
    afterEdit: z.boolean().optional().default(false),
  })
  .refine((data) => data.linkId !== undefined || data.linkIds !== undefined, 'a link to delete');
export const pageData = z.object({ offset: z.coerce.number().int().min(0).max(10_000).default(0) });

export const LINK_VERBS = {
  start: defineVerb('link.start', startData),
  chooseSubject: defineVerb('link.subject', chooseSubjectData),
  save: defineVerb('link.save', saveData),
  edit: defineVerb('link.edit', linkIdsData),
  undo: defineVerb('link.undo', linkIdsData),
  remove: defineVerb('link.delete', deleteData),
  mine: defineVerb('link.mine', pageData),
  coverage: defineVerb('link.coverage', pageData),
} as const;
