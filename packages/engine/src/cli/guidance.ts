/**
 * `cpq guidance DEALS.json|csv --segment S --region R --family F [--list L --net N]`:
 * the price band of past won deals for a deal's cell, and the quote's standing in it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem, priceGuidance, readDeals, ValidationError, type DealContext, type GuidanceOptions } from '../index.js';

export const GUIDANCE_HELP = `cpq guidance DEALS.json|DEALS.csv --segment S --region R --family F [options]
      Print floor / target / stretch (25th / 50th / 75th percentile of net ÷ list over
      won deals of the cell, backing off when a cell is thin) and score a quote.
        --list L --net N         the quote's list and net amounts, e.g. 1000 870
        --min-deals N            won deals a cell needs (default 30)
        --win-curve              also fit the optional win-probability curve (a model)
        --cost-ratio C           cost as a share of list for the curve's expected margin
        --json                   print the whole result as JSON`;

/** Runs `cpq guidance`; returns the exit code (0, 1 for a problem with the input, 2 for a usage mistake). */
export function guidanceCommand(args: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
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
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error), err);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usage('guidance takes one deals file', err);
  const { segment, region, family, list, net } = values;
  if (segment === undefined || region === undefined || family === undefined) return usage('guidance needs --segment, --region and --family', err);
  if ((list === undefined) !== (net === undefined)) return usage('give --list and --net together', err);

  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(`cpq: ${code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(error)})`}`);
    return 1;
  }
  const context: DealContext = list !== undefined && net !== undefined ? { segment, region, family, quote: { list, net } } : { segment, region, family };
  // Numbers go to the engine as numbers when they look like one; anything else as text, which it refuses with its path.
  const number = (v: string): number | string => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  const options: Record<string, unknown> = {};
  if (values['min-deals'] !== undefined) options['minDeals'] = /^\d+$/.test(values['min-deals']) ? Number(values['min-deals']) : values['min-deals'];
  if (values['win-curve'] === true) options['winCurve'] = true;
  if (values['cost-ratio'] !== undefined) options['costRatio'] = number(values['cost-ratio']);
  try {
    const deals = readDeals(text, { format: file.toLowerCase().endsWith('.csv') ? 'csv' : 'json', maxLength: 200_000_000 });
    const g = priceGuidance(deals, context, options as GuidanceOptions);
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
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    err(`${file}: ${error.message.split('\n')[0]}`);
    error.problems.forEach((p) => err(formatProblem(p)));
    return 1;
  }
}

function usage(message: string, err: (line: string) => void): number {
  err(`cpq: ${message}\n`);
  err(`Usage:\n  ${GUIDANCE_HELP}`);
  return 2;
}
