/**
 * A check for lists the web app writes of a closed set the server declares (roles, amounts): the
 * list `satisfies` the server's union, so nothing foreign gets in, and this type, so nothing is
 * left out. Both fail the type-check, the second naming what is missing:
 *
 *   export const ROLES = ['owner', 'editor', 'viewer'] as const satisfies readonly Role[]
 *   export type EveryRoleListed = NoneMissing<Exclude<Role, (typeof ROLES)[number]>>
 */
export type NoneMissing<Missing extends never> = Missing
