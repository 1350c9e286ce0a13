// Why the bot will not serve this sender, in their words: the answers to a sign-in it cannot place
// (src/bot/sender.ts), before any journey runs.

export function notOnRosterMessage(): string {
  return (
    'Hello! I can’t find you on your school’s roster in Waypoint, so I can’t show you anything yet. ' +
    'If you think you should be on it, please ask your careers leader or the school office to check your school email address.'
  );
}

export function leftRosterMessage(): string {
  return (
    'Hello! You’re no longer on your school’s roster in Waypoint, so I can’t show you anything or change anything for you. ' +
    'If you think that’s a mistake, please contact the school office.'
  );
}

export function onRollInSeveralSchoolsMessage(): string {
  return (
    'Sorry, your sign-in is on the roster of more than one school in Waypoint, so I can’t tell which school you belong to ' +
    'and can’t show you anything. ' +
    'Please contact your school so they can correct the roster.'
  );
}

export function otherTenantMessage(): string {
  return 'Sorry, Waypoint here is set up for another organisation, so it can’t help you. Please use your own school’s Waypoint.';
}

export function otherChannelMessage(): string {
  return 'Sorry, Waypoint works only in Microsoft Teams. Please open it from Teams, signed in with your school account.';
}
