// GET /api/devices?q=<upn>: the Graph request the console sends for a search by UPN, with the caller's own
// token, and Graph's JSON back. Nothing else (no validation, no checks, no logging): what a Next.js route handler
// costs at the least, the baseline the console's GET /api/devices is compared with.
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const q = new URL(req.url).searchParams.get('q') ?? '';
  // The console's exact $select and $top, as the benchmark read them from the emulator's request log.
  const query = process.env.BARE_GRAPH_QUERY ?? '';
  const graph = `${process.env.GRAPH_BASE_URL ?? ''}/v1.0/users/${encodeURIComponent(q)}/managedDevices?${query}`;
  const res = await fetch(graph, {
    headers: { Authorization: req.headers.get('authorization') ?? '', Accept: 'application/json' },
    cache: 'no-store',
  });
  return Response.json(await res.json(), { status: res.status });
}
