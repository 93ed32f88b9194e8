// Tablet landscape (1024×768, touch), in Japanese (English and やさしい日本語 are walked at the
// other tablet size and on the phone; the layout does not depend on the language): a covering subset of the paths (every
// outcome and every answer, so every question and every outcome screen; all paths are tapped on
// the phone in Japanese, and in every language in tests/unit), tapped from the first screen; axe
// and a screenshot on every distinct screen.
import { coveringPaths, outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

const covering = coveringPaths(outcomePaths(), false);
defineWalk(SIZES[2]!, covering, 'screen');
