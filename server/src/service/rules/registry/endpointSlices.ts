// Catalogue section F: MCS EndpointSlices (MCS501–MCS504).
import { mcs501 } from '../MCS501-incomplete-mcs-slice-labels';
import { mcs502 } from '../MCS502-mcs-slice-managed-by-builtin';
import { mcs503 } from '../MCS503-imported-slice-on-local-service';
import { mcs504 } from '../MCS504-unusable-source-cluster';
import type { Rule } from '../rule';

export const ENDPOINT_SLICES_RULES: readonly Rule[] = [mcs501, mcs502, mcs503, mcs504];
