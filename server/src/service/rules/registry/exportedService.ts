// Catalogue section D: Exported Service properties (MCS301–MCS306).
import type { Rule } from '../rule';

export const EXPORTED_SERVICE_RULES: readonly Rule[] = [];
