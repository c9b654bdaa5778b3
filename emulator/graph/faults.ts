// Fault injection in the manner of Microsoft's Dev Proxy: rules (method, path, status, count) and a random
// failure rate, with Graph-shaped error bodies; plus added latency.
import type { Faker } from '@faker-js/faker';
import type { FaultRule, Faults } from '../settings';

export interface ActiveRule extends FaultRule {
  id: string;
  /** How many more requests this rule fails; Infinity when it has no count. */
  remaining: number;
}

export const FAULT_ERRORS: Record<number, { code: string; message: string }> = {
  429: { code: 'TooManyRequests', message: 'Too many requests. Please try again later.' },
  500: {
    code: 'InternalServerError',
    message: 'An internal server error occurred. Please try again later.',
  },
  502: {
    code: 'BadGateway',
    message: 'The server received an invalid response from the upstream server.',
  },
  503: {
    code: 'ServiceUnavailable',
    message: 'The service is temporarily unavailable. Please try again later.',
  },
  504: {
    code: 'GatewayTimeout',
    message: 'The server did not receive a timely response from the upstream server.',
  },
  507: {
    code: 'InsufficientStorage',
    message: 'The server is unable to store the representation needed to complete the request.',
  },
};

const READ_STATUSES = [429, 500, 502, 503, 504] as const;
const WRITE_STATUSES = [...READ_STATUSES, 507] as const;

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly random: Faker) {}

  configure(faults: Faults): ActiveRule[] {
    this.rules = faults.rules.map((r) => ({
      ...r,
      id: r.id ?? `rule-${this.nextId++}`,
      remaining: r.count ?? Infinity,
    }));
    return this.rules;
  }

  list(): ActiveRule[] {
    return this.rules;
  }

  /** The rule that fails this request, spending one of its count; undefined when none does. */
  match(
    method: string,
    path: string,
    faults: Faults,
    afterHandling: boolean,
  ): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || rule.afterHandling !== afterHandling) continue;
      if (rule.method && rule.method !== method) continue;
      if (!safeRegExp(rule.path).test(path)) continue;
      rule.remaining--;
      return rule;
    }
    if (!afterHandling && faults.rate > 0 && this.random.number.float() < faults.rate) {
      const statuses = faults.rateStatuses ?? (method === 'GET' ? READ_STATUSES : WRITE_STATUSES);
      const status = this.random.helpers.arrayElement(statuses);
      return {
        path: '.*',
        status,
        afterHandling: false,
        latencyMs: 0,
        ...(status === 429 ? { retryAfterSeconds: 1 } : {}),
      };
    }
    return undefined;
  }

  latency(faults: Faults): number {
    const { min, max } = faults.latencyMs;
    return max <= 0 ? 0 : this.random.number.int({ min: Math.min(min, max), max });
  }
}

function safeRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    return /$^/;
  }
}
