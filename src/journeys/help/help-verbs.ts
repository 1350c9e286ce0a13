/** The help card's action buttons: each runs its command in place, in Teams and the Playground alike. */
export const HELP_VERBS = { run: 'help.run', more: 'help.more' } as const;

/** Which card a help button sits on, so pressing it leaves that card as it was. */
export const HELP_VIEWS = ['welcome', 'help', 'all', 'not-understood'] as const;
export type HelpView = (typeof HELP_VIEWS)[number];
