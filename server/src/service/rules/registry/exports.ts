// Catalogue section B: ServiceExport semantics (MCS101–MCS108).
import type { Rule } from '../rule';

export const EXPORTS_RULES: readonly Rule[] = [];
