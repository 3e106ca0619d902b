// Catalogue section H: ClusterSet file and CIDRs (MCS701–MCS7xx).
import type { Rule } from '../rule';

export const CLUSTERSET_FILE_RULES: readonly Rule[] = [];
