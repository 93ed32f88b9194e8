// Tablet landscape (1024×768, touch), in every language: a covering subset of the paths (every
// outcome, every answer, every answer-dependent variant of an outcome; all 66 are tapped on the
// phone in Japanese), tapped from the first screen; axe and a screenshot on every distinct screen.
import { coveringPaths, outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

const covering = coveringPaths(outcomePaths());
defineWalk(SIZES[2]!, covering, 'screen');
defineWalk(SIZES[2]!, covering, 'screen', 'en');
defineWalk(SIZES[2]!, covering, 'screen', 'easy');
