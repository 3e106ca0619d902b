// One runbook builder per implementation, in a registry (like the rules): implementation → Wiring.
import type { WiringInput } from './input';

export interface Wiring {
  readonly implementation: string;
  readonly title: string;
  /** The runbook, or the reason this clusterset cannot work with the implementation. */
  build(input: WiringInput): { text: string; warnings: string[] } | string;
}
