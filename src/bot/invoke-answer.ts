import type { AdaptiveCard } from '@microsoft/teams-ai';
import { ActivityTypes, StatusCodes, type TurnContext } from 'botbuilder';

// An Action.Execute tap is answered in the HTTP response, not with a message: what it says
// replaces the card (or shows on it), so an apology must travel this way to be seen there.

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export function isCardAction(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === CARD_ACTION_INVOKE;
}

/** Sets the invoke's response: a card the tapped card becomes, or a message shown on it. */
export async function answerCardAction(context: TurnContext, answer: AdaptiveCard | string): Promise<void> {
  const body =
    typeof answer === 'string'
      ? { statusCode: StatusCodes.OK, type: 'application/vnd.microsoft.activity.message', value: answer }
      : { statusCode: StatusCodes.OK, type: 'application/vnd.microsoft.card.adaptive', value: answer };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: StatusCodes.OK, body } });
}
