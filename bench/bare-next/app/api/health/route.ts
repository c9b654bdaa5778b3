// GET /api/health: lets the benchmark know the server is listening.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true });
}
