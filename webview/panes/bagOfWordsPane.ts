import { renderBagOfWords } from '../bagOfWords';
import { l10n } from '../../src/l10n';
import type { Pane } from './pane';

export const bagOfWordsPane: Pane<'bag'> = {
  section: { id: 'bag-of-words-section', title: l10n.t('Bag of words') },
  content: { id: 'bag-of-words', className: 'bag-of-words' },
  place: 'below',
  reveal: true,
  render: (content, bag) => renderBagOfWords(content, bag),
};
