// The language service's public entry: the only module of server/src/service that other rooms (the server
// wiring, clusters/, cli/, bench/) import. Everything behind it may change shape without touching them.
export { createLanguageService, type LanguageService, type LanguageServiceOptions } from './languageService';
export { parseDocumentText, type ParsedDocument, type ParseOptions } from './parse/parsedDocument';
export { nodeAt, findPair, spanForPath, type NodePath } from './parse/path';
export type { Span, YMap, YNode, YPair, YScalar, YSeq } from './parse/yamlTree';
export { resolvePlain as yaml11Value } from './parse/yaml11';
export { decodeManifestBytes, type DecodedManifest, type ManifestEncoding } from './parse/decode';
export {
  readClusterSet,
  readClusterSetText,
  readClusterSetSource,
  clusterLabel,
  CLUSTERS_PATH,
  type ClusterSetSource,
  type ClusterEntry,
  type ClusterSetModel,
  type CidrField,
  type Located,
  type RangeRole,
  type ServiceEntry,
} from './model/clusterSet';
export {
  parseCidr,
  formatCidr,
  formatAddress,
  cidrFrom,
  wordsToBigInt,
  bigIntToWords,
  overlaps,
  contains,
  type Cidr,
  type CidrParse,
  type Family,
} from './cidr/cidr';
export { findOverlaps, findOverlapsNaive } from './cidr/overlap';
export {
  parseCorefile,
  normalizeZone,
  zoneCovers,
  walkDirectives,
  type Corefile,
  type CorefileDirective,
  type ServerBlock,
} from './model/corefile';
export { multiclusterUses, type MulticlusterUse } from './model/embeddedCorefile';
export { ALL_RULES, rulesByKind } from './rules/allRules';
export { RULE_DOCS_BASE, DIAGNOSTIC_SOURCE } from './diagnostics';
export type { Rule } from './rules/rule';
export { GENERATORS, generate, type Generator } from './generate/index';
export type { GenerateRequest, GenerateResult, GeneratorId } from './generate/types';
export { RULE_CRASH_CODE, type RuleCrash, type RuleCrashListener } from './validate';
export {
  YAML_EXTENSIONS,
  MAX_WORKSPACE_FILE_BYTES,
  isYamlFileName,
  shouldWalk,
  compileIgnore,
  globToRegExp,
  tooLargeReason,
  notRegularFileReason,
} from './workspaceFilter';
export { PROJECT_CONFIG_FILE, parseProjectConfig, type ProjectConfig, type ConfigProblem } from './config/projectConfig';
export { globMatcher } from './model/glob';
export { parseRelease } from './model/schemas/crdRelease';
