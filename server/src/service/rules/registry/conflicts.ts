// Catalogue section C: Cross-cluster conflict prediction (MCS201–MCS206).
import type { Rule } from '../rule';

export const CONFLICTS_RULES: readonly Rule[] = [];
