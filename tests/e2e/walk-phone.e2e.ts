// Phone (390×844, touch, mobile): every path through the machine, tapped from the first screen;
// axe and a screenshot at every distinct address.
import { outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

defineWalk(SIZES[0]!, outcomePaths(), 'url');
