import type { Understanding } from '../../bot/route';

// How staff ask about last year's leavers and their destinations (leavers-routes.ts).

export const LEAVERS: Understanding = {
  examples: [
    'who has left this year',
    'leavers',
    'where did last years year 11 go',
    'destinations of leavers',
    'which pupils have left',
    'where did our leavers end up',
    'leaver destinations',
    'pupils who left recently',
    'who left in the summer',
    'sixth form leavers',
    'what are leavers doing now',
    'where have the year 13s gone',
    'destination data',
    'did the leavers go to college',
    'who went to uni last year',
    'neet leavers',
    'show leavers',
    'recent leavers',
    'this years leavers',
    'who left',
    'pupils who have left',
    'leavers list',
    'where did they go',
    'leavers and destinations',
    'actual destinations',
    'intended destinations of leavers',
    'who has gone to college',
    'who is doing an apprenticeship now',
    'last years year 13',
    'former pupils',
    'who left in july',
  ],
};
