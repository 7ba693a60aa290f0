import { renderBagOfWords } from '../bagOfWords';
import type { Pane } from './pane';

export const bagOfWordsPane: Pane<'bag'> = {
  section: { id: 'bag-of-words-section', title: 'Bag of words' },
  content: { id: 'bag-of-words', className: 'bag-of-words' },
  place: 'below',
  reveal: true,
  render: (content, bag) => renderBagOfWords(content, bag),
};
