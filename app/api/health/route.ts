// GET /api/health: for the load balancer; 200 when this instance can serve, 503 (with which check failed) when not.
// No token needed, and nothing in the answer is a secret.
import { NextResponse } from 'next/server';
import { API_CACHE_CONTROL } from '@/lib/server/http/security-headers';
import { checkHealth } from '@/lib/server/health';

export async function GET(): Promise<NextResponse> {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': API_CACHE_CONTROL },
  });
}
