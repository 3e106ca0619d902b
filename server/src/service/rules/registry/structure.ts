// Catalogue section A: API version, kind, structure (MCS001–MCS008).
import { mcs001 } from '../MCS001-unknown-mcs-group-version';
import type { Rule } from '../rule';

export const STRUCTURE_RULES: readonly Rule[] = [mcs001];
