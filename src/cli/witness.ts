/** @module `truce witness serve`: a tlog-witness that cosigns consistent checkpoints. */
import type { Command } from 'commander';

export function registerWitnessCommands(_program: Command): void {}
