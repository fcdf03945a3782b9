/**
 * @module How an action is granted to a role. `all`: on any target. `own`: only where the
 * target belongs to the actor's organisation. `self`: only where the target belongs to the
 * actor's own account (e.g. its API tokens). Absent: denied.
 */
export type Grant = 'all' | 'own' | 'self';
