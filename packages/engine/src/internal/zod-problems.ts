import type * as z from 'zod/mini';
import { didYouMean, formatPath, type Problem } from './problems.js';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into plain sentences with paths. `fieldNames` are the field names
 * the schema knows, used to suggest a correction for an unknown field.
 */
export function problemsFromIssues(issues: readonly Issue[], input: unknown, fieldNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const others = fieldNames.filter((name) => name !== key);
        problems.push({ path: formatPath([...issue.path, key]), message: `unknown field "${key}"${didYouMean(key, others)}` });
      }
    } else if (issue.code === 'invalid_union' && issue.discriminator === undefined) {
      const nearest = nearestBranch(issue);
      if (nearest) {
        const at = (i: Issue): Issue => ({ ...i, path: [...issue.path, ...i.path] }) as Issue;
        problems.push(...problemsFromIssues(nearest.map(at), input, fieldNames));
      } else if (issue.errors.every((branch) => branch.some((i) => i.code === 'invalid_type' && i.path.length === 0))) {
        // Every branch wanted another type: name them all.
        const wanted = issue.errors.map((branch) => branch.find((i) => i.path.length === 0 && i.code === 'invalid_type') as Extract<Issue, { code: 'invalid_type' }>);
        const names = [...new Set(wanted.map((i) => article(i.expected)))];
        const value = valueAt(input, issue.path);
        const message = value === undefined ? 'is required' : `expected ${names.join(' or ')}, found ${kindOf(value)}`;
        problems.push({ path: formatPath(issue.path), message });
      } else {
        const value = valueAt(input, issue.path);
        const found = typeof value === 'string' ? preview(value) : kindOf(value);
        problems.push({ path: formatPath(issue.path), message: `${found} is not allowed here${issue.message.startsWith('Invalid') ? '' : `: ${issue.message}`}` });
      }
    } else {
      problems.push({ path: formatPath(issue.path), message: describe(issue, valueAt(input, issue.path)) });
    }
  }
  return problems;
}

/**
 * A union failed. A branch that accepted the value's type and complained only about
 * its contents is the one the author meant; its complaints are the useful ones.
 */
function nearestBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  return issue.errors.find(
    (branch) => branch.length > 0 && branch.every((i) => i.path.length > 0 || (i.code !== 'invalid_type' && i.code !== 'unrecognized_keys')),
  );
}

function describe(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `expected ${article(issue.expected)}, found ${kindOf(value)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${preview(value)}`;
    case 'invalid_union':
      // A discriminated union names the allowed values in its own message.
      return value === undefined ? `is required: ${issue.message}` : `${preview(value)} is not allowed: ${issue.message}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return issue.message;
      return `must be at least ${String(issue.minimum)}, found ${preview(value)}`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') return issue.message;
      return `must be at most ${String(issue.maximum)}, found ${preview(value)}`;
    case 'invalid_key':
      return `invalid key: ${issue.issues.map((i) => i.message).join('; ')}`;
    default:
      // Custom checks (regex, refine) carry a sentence written in the schema.
      return value === undefined ? issue.message : `${preview(value)} ${issue.message}`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array') return 'a list';
  if (expected === 'record' || expected === 'object') return 'an object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the text ${preview(value)}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
