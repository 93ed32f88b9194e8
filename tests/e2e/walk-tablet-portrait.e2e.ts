// Tablet portrait (768×1024, touch): every path through the machine, tapped from the first
// screen; axe and a screenshot on every distinct screen.
import { outcomePaths, SIZES } from './helpers';
import { defineWalk } from './walk';

defineWalk(SIZES[1]!, outcomePaths(), 'screen');
