/** One row of the expected policy table: A = any organisation's records, O = own organisation's only, S = the actor's own account's only, - = denied. */
import type { Role } from '../../../src/contract/enums.ts';

export type Row = Record<Role, 'A' | 'O' | 'S' | '-'>;
