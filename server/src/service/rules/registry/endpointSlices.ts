// Catalogue section F: MCS EndpointSlices (MCS501–MCS504).
import type { Rule } from '../rule';

export const ENDPOINT_SLICES_RULES: readonly Rule[] = [];
