// Catalogue section E: ServiceImport (MCS401–MCS420).
import type { Rule } from '../rule';

export const IMPORTS_RULES: readonly Rule[] = [];
