// OData $filter for managedDevices: a parser for the subset Graph clients send (eq, ne, gt, ge, lt, le,
// startswith, endswith, contains, and, or, not, parentheses) and an evaluator that can reproduce Intune's
// reported quirks. String literals follow OData: a single quote inside is doubled.
import type { ManagedDevice } from '../tenant/types';
import { MANAGED_DEVICE_PROPERTIES, ODataError } from './odata';

/** Properties Intune is reported to filter on; a filter on any other property is silently dropped. */
export const FILTERABLE_PROPERTIES = new Set([
  'deviceName',
  'userPrincipalName',
  'emailAddress',
  'userId',
  'serialNumber',
  'imei',
  'operatingSystem',
  'complianceState',
  'managedDeviceOwnerType',
  'id',
  'azureADDeviceId',
]);

export type Literal = string | number | boolean | null;
export type FilterNode =
  | {
      kind: 'compare';
      op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
      property: string;
      value: Literal;
    }
  | { kind: 'call'; fn: 'startswith' | 'endswith' | 'contains'; property: string; value: string }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

export interface FilterQuirks {
  startswithIsContains: boolean;
  orOfStartswithAppliesFirst: boolean;
  neIsEq: boolean;
  unsupportedPropertyIgnored: boolean;
  alsoUnfilterable: readonly string[];
}

type Token =
  | { t: 'ident'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: number; at: number }
  | { t: 'datetime'; v: string; at: number }
  | { t: '(' | ')' | ','; at: number };

const MAX_FILTER_LENGTH = 4096;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch, at: i });
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw syntax(src, i, 'unterminated string literal');
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += src[j];
        j++;
      }
      tokens.push({ t: 'string', v: value, at: i });
      i = j + 1;
      continue;
    }
    const dt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/.exec(
      src.slice(i),
    );
    if (dt) {
      tokens.push({ t: 'datetime', v: dt[0], at: i });
      i += dt[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ t: 'number', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (ident) {
      tokens.push({ t: 'ident', v: ident[0], at: i });
      i += ident[0].length;
      continue;
    }
    throw syntax(src, i, `unexpected character '${ch}'`);
  }
  return tokens;
}

function syntax(src: string, at: number, what: string): ODataError {
  return new ODataError(
    `Invalid filter clause: syntax error at position ${at} in '${src}': ${what}.`,
  );
}

export function parseFilter(src: string): FilterNode {
  if (src.length > MAX_FILTER_LENGTH)
    throw new ODataError('The query specified in the URI is not valid. The $filter is too long.');
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const atEnd = () => pos >= tokens.length;
  const isWord = (tok: Token | undefined, word: string): boolean =>
    tok?.t === 'ident' && tok.v.toLowerCase() === word;
  const expect = (t: Token['t']) => {
    const tok = tokens[pos];
    if (!tok || tok.t !== t) throw syntax(src, tok?.at ?? src.length, `expected '${t}'`);
    pos++;
    return tok;
  };
  const property = (): string => {
    const tok = expect('ident') as Extract<Token, { t: 'ident' }>;
    if (!MANAGED_DEVICE_PROPERTIES.has(tok.v)) {
      throw new ODataError(
        `Could not find a property named '${tok.v}' on type 'microsoft.graph.managedDevice'.`,
      );
    }
    return tok.v;
  };
  const literal = (): Literal => {
    const tok = peek();
    pos++;
    if (!tok) throw syntax(src, src.length, 'expected a literal');
    if (tok.t === 'string' || tok.t === 'number' || tok.t === 'datetime') return tok.v;
    if (tok.t === 'ident') {
      const w = tok.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw syntax(src, tok.at, 'expected a literal');
  };

  function orExpr(): FilterNode {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): FilterNode {
    let left = unary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }
  function unary(): FilterNode {
    if (isWord(peek(), 'not')) {
      pos++;
      return { kind: 'not', operand: unary() };
    }
    return primary();
  }
  function primary(): FilterNode {
    const tok = peek();
    if (!tok) throw syntax(src, src.length, 'expression expected');
    if (tok.t === '(') {
      pos++;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (
      tok.t === 'ident' &&
      ['startswith', 'endswith', 'contains'].includes(tok.v.toLowerCase()) &&
      tokens[pos + 1]?.t === '('
    ) {
      pos += 2;
      const prop = property();
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string') throw syntax(src, tok.at, `${tok.v} needs a string literal`);
      return { kind: 'call', fn: tok.v.toLowerCase() as 'startswith', property: prop, value };
    }
    const prop = property();
    const opTok = peek();
    const op = opTok?.t === 'ident' ? opTok.v.toLowerCase() : '';
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op))
      throw syntax(src, opTok?.at ?? src.length, 'comparison operator expected');
    pos++;
    return { kind: 'compare', op: op as 'eq', property: prop, value: literal() };
  }

  const tree = orExpr();
  if (!atEnd()) throw syntax(src, peek()?.at ?? src.length, 'unexpected text after the expression');
  return tree;
}

export function referencedProperties(node: FilterNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === 'compare' || node.kind === 'call') into.add(node.property);
  else if (node.kind === 'not') referencedProperties(node.operand, into);
  else {
    referencedProperties(node.left, into);
    referencedProperties(node.right, into);
  }
  return into;
}

export type DevicePredicate = (d: ManagedDevice) => boolean;

/**
 * Turns a parsed filter into a predicate, bending it as Intune does when quirks are on.
 * Returns null when the whole filter is dropped (a property Intune cannot filter on).
 */
export function compileFilter(node: FilterNode, quirks: FilterQuirks): DevicePredicate | null {
  const unsupported = [...referencedProperties(node)].filter(
    (p) => !FILTERABLE_PROPERTIES.has(p) || quirks.alsoUnfilterable.includes(p),
  );
  if (unsupported.length > 0) {
    if (quirks.unsupportedPropertyIgnored) return null;
    throw new ODataError(
      `Filtering on the property '${unsupported[0]}' is not supported for managedDevices.`,
    );
  }
  return build(node, quirks);
}

// Intune's store compares text case-insensitively.
const fold = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function build(node: FilterNode, quirks: FilterQuirks): DevicePredicate {
  switch (node.kind) {
    case 'and': {
      const l = build(node.left, quirks);
      const r = build(node.right, quirks);
      return (d) => l(d) && r(d);
    }
    case 'or': {
      const l = build(node.left, quirks);
      if (quirks.orOfStartswithAppliesFirst && isStartswith(node.left) && isStartswith(node.right))
        return l;
      const r = build(node.right, quirks);
      return (d) => l(d) || r(d);
    }
    case 'not': {
      const inner = build(node.operand, quirks);
      return (d) => !inner(d);
    }
    case 'call': {
      const prop = node.property as keyof ManagedDevice;
      const needle = node.value.toLowerCase();
      const fn = node.fn === 'startswith' && quirks.startswithIsContains ? 'contains' : node.fn;
      return (d) => {
        const v = d[prop];
        if (typeof v !== 'string') return false;
        const hay = v.toLowerCase();
        return fn === 'startswith'
          ? hay.startsWith(needle)
          : fn === 'endswith'
            ? hay.endsWith(needle)
            : hay.includes(needle);
      };
    }
    case 'compare': {
      const prop = node.property as keyof ManagedDevice;
      const value = fold(node.value);
      const op = node.op === 'ne' && quirks.neIsEq ? 'eq' : node.op;
      return (d) => {
        const v = fold(d[prop]);
        switch (op) {
          case 'eq':
            return v === value;
          case 'ne':
            return v !== value;
          default: {
            const a = comparable(v);
            const b = comparable(value);
            if (a === null || b === null || typeof a !== typeof b) return false;
            if (op === 'gt') return a > b;
            if (op === 'ge') return a >= b;
            if (op === 'lt') return a < b;
            return a <= b;
          }
        }
      };
    }
  }
}

const isStartswith = (n: FilterNode) => n.kind === 'call' && n.fn === 'startswith';

/** Dates compare as instants, other scalars as themselves; anything else does not compare. */
function comparable(v: unknown): number | string | boolean | null {
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}
