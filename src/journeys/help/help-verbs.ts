import { z } from 'zod/v4';
import { typedText } from '../../cards/card-fields';
import { defineVerb, NO_DATA } from '../../cards/card-verb';

/** Which card a help button sits on, so pressing it leaves that card as it was. */
export const HELP_VIEWS = ['welcome', 'help', 'all', 'not-understood', 'did-you-mean'] as const;
export type HelpView = (typeof HELP_VIEWS)[number];

/** The help card's action buttons: each runs its command in place, in Teams and the Playground alike. */
// `typed`: on a "did you mean" card, what the person typed, so the command they choose reads its
// details ("for year 9 on 14 May") as it would have had it been sure.
const commandButtonData = z.object({ command: z.string().max(100), view: z.enum(HELP_VIEWS).default('help'), typed: typedText(500) });
export const HELP_VERBS = { run: defineVerb('help.run', commandButtonData), more: defineVerb('help.more', NO_DATA) } as const;
