// The other languages (English, やさしい日本語) at phone size: a covering subset of paths (every
// outcome and every answer; every path in every language is tapped in tests/unit), axe on every
// distinct screen.
import { coveringPaths, outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

const covering = coveringPaths(outcomePaths(), false);
defineWalk(SIZES[0]!, covering, 'screen', 'en');
defineWalk(SIZES[0]!, covering, 'screen', 'easy');
