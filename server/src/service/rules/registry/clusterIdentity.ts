// Catalogue section G: Cluster identity (MCS601–MCS607).
import type { Rule } from '../rule';

export const CLUSTER_IDENTITY_RULES: readonly Rule[] = [];
