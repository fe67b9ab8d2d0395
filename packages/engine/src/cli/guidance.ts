/**
 * `cpq guidance DEALS.json|csv --segment S --region R --family F [--list L --net N]`:
 * the price band of past won deals for a deal's cell, and the quote's standing in it.
 */
import { priceGuidance, readDeals, type DealContext, type GuidanceOptions, type PriceGuidance } from '../index.js';
import { command, engineNumber, InputError, readDocument, UsageError } from './command.js';

export const GUIDANCE_HELP = `cpq guidance DEALS.json|DEALS.csv --segment S --region R --family F [options]
      Print floor / target / stretch (25th / 50th / 75th percentile of net ÷ list over
      won deals of the cell, backing off when a cell is thin) and score a quote.
        --list L --net N         the quote's list and net amounts, e.g. 1000 870
        --min-deals N            won deals a cell needs (default 30)
        --win-curve              also fit the optional win-probability curve (a model)
        --cost-ratio C           cost as a share of list for the curve's expected margin
        --json                   print the whole result as JSON, and errors as one JSON object`;

/** Where the engine's problems with the request come from: the flags. */
const FLAGS = {
  'context.segment': '--segment',
  'context.region': '--region',
  'context.family': '--family',
  'context.quote.list': '--list',
  'context.quote.net': '--net',
  'options.minDeals': '--min-deals',
  'options.costRatio': '--cost-ratio',
};

/** `cpq guidance`: exit code 0, 1 for a problem with the input, 2 for a usage mistake. */
export const guidanceCommand = command(
  GUIDANCE_HELP,
  {
    segment: { type: 'string' },
    region: { type: 'string' },
    family: { type: 'string' },
    list: { type: 'string' },
    net: { type: 'string' },
    'min-deals': { type: 'string' },
    'win-curve': { type: 'boolean' },
    'cost-ratio': { type: 'string' },
    json: { type: 'boolean' },
  },
  ({ values, positionals }, out) => {
    if (positionals.length !== 1) throw new UsageError('guidance takes one deals file');
    const { segment, region, family, list, net } = values;
    if (segment === undefined || region === undefined || family === undefined) throw new UsageError('guidance needs --segment, --region and --family');
    if ((list === undefined) !== (net === undefined)) throw new UsageError('give --list and --net together');

    const file = positionals[0]!;
    const deals = readDocument(file, (text) => readDeals(text, { format: file.toLowerCase().endsWith('.csv') ? 'csv' : 'json', maxLength: 200_000_000 }));
    const context: DealContext = list !== undefined && net !== undefined ? { segment, region, family, quote: { list, net } } : { segment, region, family };
    const options: Record<string, unknown> = {};
    if (values['min-deals'] !== undefined) options['minDeals'] = engineNumber(values['min-deals'], '--min-deals', 'The price guidance request');
    if (values['win-curve'] === true) options['winCurve'] = true;
    if (values['cost-ratio'] !== undefined) options['costRatio'] = engineNumber(values['cost-ratio'], '--cost-ratio', 'The price guidance request');
    let g: PriceGuidance;
    try {
      g = priceGuidance(deals, context, options as GuidanceOptions);
    } catch (error) {
      throw InputError.from(error, { flags: FLAGS });
    }
    if (values.json === true) {
      out(JSON.stringify(g, null, 2));
      return 0;
    }
    const pct = (r: number): string => `${(r * 100).toFixed(1)} %`;
    const name = [g.cell.segment, g.cell.region, g.cell.family].filter((v) => v !== undefined).join(' × ') || 'all deals';
    out(`cell:     ${name} (${g.wonDeals} won, ${g.lostDeals} lost${g.sufficient ? '' : `; fewer than ${g.minDeals} won deals anywhere, so the band is thin`})`);
    if (g.backoff.length > 1) out(`back-off: ${g.backoff.slice(0, -1).map((b) => `${b.cell.level} had ${b.wonDeals} won`).join(', ')}`);
    out(`floor:    ${pct(g.floor)} of list${g.prices ? `  ${g.prices.floor}` : ''}`);
    out(`target:   ${pct(g.target)} of list${g.prices ? `  ${g.prices.target}` : ''}`);
    out(`stretch:  ${pct(g.stretch)} of list${g.prices ? `  ${g.prices.stretch}` : ''}`);
    if (g.quote) out(`quote:    ${pct(g.quote.ratio)} of list, percentile ${g.quote.percentile.toFixed(1)}, ${g.quote.position}${g.quote.approvalRequired ? ', APPROVAL REQUIRED' : ''}`);
    if (g.winCurve?.available === false) out(`win curve: not available (${g.winCurve.reason})`);
    else if (g.winCurve) {
      out('win curve (a model): ratio, P(win), expected margin per unit of list');
      for (const p of g.winCurve.points) out(`  ${pct(p.ratio)}  ${p.winProbability.toFixed(3)}  ${p.expectedMargin.toFixed(4)}${p.net ? `  ${p.net}` : ''}`);
      if (g.winCurve.warning) out(`  warning: ${g.winCurve.warning}`);
    }
    return 0;
  },
);
