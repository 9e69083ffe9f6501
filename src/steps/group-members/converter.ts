/**
 * A group member is a user or another group; the key prefix of its id says
 * which (005 for User, 00G for Group).
 */
export function memberKind(userOrGroupId: string): 'user' | 'group' | null {
  if (userOrGroupId.startsWith('005')) return 'user';
  if (userOrGroupId.startsWith('00G')) return 'group';
  return null;
}
