/**
 * @module How an action is granted to a role. `all`: on any target. `own`: only where the
 * target belongs to the actor's organisation. Absent: denied.
 */
export type Grant = 'all' | 'own';
