// Catalogue section J: Implementation profiles (MCS901–MCS907).
import type { Rule } from '../rule';

export const PROFILES_RULES: readonly Rule[] = [];
