// The runbook registry: one builder per implementation.
import { awsWiring } from './aws';
import { ciliumWiring } from './cilium';
import { gkeWiring } from './gke';
import { istioWiring } from './istio';
import { submarinerWiring } from './submariner';
import type { Wiring } from './wiring';

export const WIRINGS: readonly Wiring[] = [ciliumWiring, submarinerWiring, gkeWiring, istioWiring, awsWiring];

export function wiringFor(implementation: string): Wiring | undefined {
  return WIRINGS.find((w) => w.implementation === implementation);
}
