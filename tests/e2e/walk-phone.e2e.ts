// Phone (390×844, touch, mobile): every path through the machine, tapped from the first screen;
// title, lang, target size and reflow at every distinct address; axe and a screenshot on every
// distinct screen (an address's screen minus its list of answers given).
import { outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

defineWalk(SIZES[0]!, outcomePaths(), 'screen');
