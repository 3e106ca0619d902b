// Catalogue section I: DNS configuration (MCS801–MCS806).
import type { Rule } from '../rule';

export const DNS_RULES: readonly Rule[] = [];
