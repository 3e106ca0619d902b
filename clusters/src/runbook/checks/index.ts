// The check registry, in runbook order: the order an expert runs them in (CIDRs and plumbing first, then
// the export, the consumer side, DNS, the path, and last the only active check). One check per file.
import type { Check } from '../check';
import { reach } from './00-reach';
import { cidrs } from './01-cidrs';
import { crds } from './02-crds';
import { controller } from './03-controller';
import { clusterIds } from './04-cluster-ids';
import { service } from './05-service';
import { exportStatus } from './06-export-status';
import { namespace } from './07-namespace';
import { importCheck } from './08-import';
import { endpoints } from './09-endpoints';
import { dns } from './10-dns';
import { path } from './11-path';
import { probe } from './12-probe';

export const ALL_CHECKS: readonly Check[] = [
  reach,
  cidrs,
  crds,
  controller,
  clusterIds,
  service,
  exportStatus,
  namespace,
  importCheck,
  endpoints,
  dns,
  path,
  probe,
];
