/** @module `truce import reports FILE`: bulk import of CSV (ACLED columns) and GeoJSON. */
import type { Command } from 'commander';

export function registerImportCommands(_program: Command): void {}
