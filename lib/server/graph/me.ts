import 'server-only';
// Who the token belongs to, as Graph says: used where the console cannot read the token itself (Microsoft may
// make access tokens opaque), so the actor of an audit record is still one Graph vouched for. Needs User.Read.
import { z } from 'zod';
import { graphGet, type WaitBudget } from './client';

const Me = z.object({
  id: z.string(),
  displayName: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  userPrincipalName: z.string(),
  mail: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type Me = z.infer<typeof Me>;

export async function getMe(token: string, budget?: WaitBudget): Promise<Me> {
  const { data } = await graphGet({
    path: '/me',
    query: { $select: 'id,displayName,userPrincipalName,mail' },
    token,
    schema: Me,
    budget,
  });
  return data;
}
