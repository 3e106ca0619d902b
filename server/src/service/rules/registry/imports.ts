// Catalogue section E: ServiceImport (MCS401–MCS420).
import { mcs401 } from '../MCS401-hand-authored-service-import';
import { mcs402 } from '../MCS402-missing-required-fields';
import { mcs403 } from '../MCS403-import-type-enum';
import { mcs404 } from '../MCS404-too-many-ips';
import { mcs405 } from '../MCS405-ips-entry-not-an-ip';
import { mcs406 } from '../MCS406-ips-ipfamilies-mismatch';
import { mcs407 } from '../MCS407-invalid-ip-families';
import { mcs408 } from '../MCS408-headless-import-with-ips';
import { mcs409 } from '../MCS409-clustersetip-import-without-ips';
import { mcs410 } from '../MCS410-port-protocol';
import { mcs411 } from '../MCS411-port-number-range';
import { mcs412 } from '../MCS412-duplicate-ports';
import { mcs413 } from '../MCS413-port-name-dns-label';
import { mcs414 } from '../MCS414-invalid-app-protocol';
import { mcs415 } from '../MCS415-session-affinity';
import { mcs416 } from '../MCS416-internal-traffic-policy';
import { mcs417 } from '../MCS417-empty-ports';
import { mcs418 } from '../MCS418-invalid-status-clusters';
import { mcs419 } from '../MCS419-endpoint-slice-objects';
import { mcs420 } from '../MCS420-malformed-condition';
import type { Rule } from '../rule';

export const IMPORTS_RULES: readonly Rule[] = [
  mcs401,
  mcs402,
  mcs403,
  mcs404,
  mcs405,
  mcs406,
  mcs407,
  mcs408,
  mcs409,
  mcs410,
  mcs411,
  mcs412,
  mcs413,
  mcs414,
  mcs415,
  mcs416,
  mcs417,
  mcs418,
  mcs419,
  mcs420,
];
