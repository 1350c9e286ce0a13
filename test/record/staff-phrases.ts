/** Words that belong to staff, never on a pupil's own cards: the rules' vocabulary and the adviser's to-do. */
export const STAFF_PHRASES = ['Benchmark', 'did not count', 'meaningful', 'written up', 'Pupil:'];
