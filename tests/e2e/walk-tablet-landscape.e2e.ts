// Tablet landscape (1024×768, touch): a covering subset of the paths (every outcome, every
// answer, every answer-dependent variant of an outcome; all 66 are tapped on the phone), tapped from
// the first screen; axe and a screenshot on every distinct screen.
import { coveringPaths, outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

defineWalk(SIZES[2]!, coveringPaths(outcomePaths()), 'screen');
