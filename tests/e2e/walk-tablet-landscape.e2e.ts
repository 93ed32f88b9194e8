// Tablet landscape (1024×768, touch): every path through the machine, tapped from the first
// screen; axe and a screenshot on every distinct screen.
import { outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

defineWalk(SIZES[2]!, outcomePaths(), 'screen');
