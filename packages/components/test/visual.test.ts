// Visual regression at a desktop width (1280×800), light and dark: see visual.ts.
// The phone's width (390×844) is in visual-phone.test.ts.
import { describeBaselines, describeScreenshots } from './visual.js';

describe('visual regression', () => {
  describeBaselines();
  describeScreenshots('desktop');
});
