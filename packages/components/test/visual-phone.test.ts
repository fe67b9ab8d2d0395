// Visual regression at a phone's width (390×844), light and dark: see visual.ts.
import { describeScreenshots } from './visual.js';

describe('visual regression', () => {
  describeScreenshots('phone');
});
