import type { Translation } from '../../internal/localize.js';
import { shared } from './shared.js';

/** The English texts of `<price-guidance>`: its own and those it shares with other elements. */
export const priceGuidance = {
  ...shared,
  guidanceHeading: 'Price guidance',
  noGuidance: 'No price guidance yet.',
  guidanceInvalid: 'This is not price guidance.',
  guidanceFloor: 'Floor',
  guidanceTarget: 'Target',
  guidanceStretch: 'Stretch',
  guidancePercentile: (percentile) => `${percentile}th percentile of won deals`,
  ofList: (percent) => `${percent} of list`,
  thisQuote: 'This quote:',
  quotePercentile: (percent) => `Priced higher than ${percent} of comparable won deals`,
  positionBelowFloor: 'Below the floor',
  positionFloorToTarget: 'Between floor and target',
  positionTargetToStretch: 'Between target and stretch',
  positionAboveStretch: 'Above the stretch',
  guidanceApproval: 'Needs approval: the price is below the floor.',
  guidanceCell: (cell, count, formatted) => `Based on ${formatted} won ${count === 1 ? 'deal' : 'deals'} in ${cell}.`,
  allDeals: 'all deals',
  guidanceBackoff: (cells, min) => `Fewer than ${min} won deals in ${cells}, so a broader group is used.`,
  guidanceThin: 'No group has enough won deals: all deals are used, so treat the band as rough.',
  winCurveHeading: 'Chance to win by price (a model)',
  winCurveNote: 'Fitted on past won and lost deals; price is not the only thing that decides a deal.',
  pricePoint: 'Price',
  winChance: 'Chance to win',
  expectedRevenue: 'Expected revenue',
  expectedMargin: 'Expected margin',
  winCurveWarning: 'These deals won more often at higher prices: price did not decide them, so the curve says little.',
  winCurveUnavailable: 'Too few won and lost deals for a win curve.',
} satisfies Partial<Translation>;
