import { z } from 'zod/v4';
import { defineVerb, NO_DATA } from '../../cards/card-verb';

/** Which card a help button sits on, so pressing it leaves that card as it was. */
export const HELP_VIEWS = ['welcome', 'help', 'all', 'not-understood', 'did-you-mean'] as const;
export type HelpView = (typeof HELP_VIEWS)[number];

/** The help card's action buttons: each runs its command in place, in Teams and the Playground alike. */
const commandButtonData = z.object({ command: z.string().max(100), view: z.enum(HELP_VIEWS).default('help') });
export const HELP_VERBS = { run: defineVerb('help.run', commandButtonData), more: defineVerb('help.more', NO_DATA) } as const;
