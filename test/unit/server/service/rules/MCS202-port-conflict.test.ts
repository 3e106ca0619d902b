import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith, uriOf } from '../../../../helpers/lint';

const EXPORT = '---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: web, namespace: shop}\n';
const svc = (ports: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports:\n${ports}${EXPORT}`;

test('MCS202 reports a port number clash on both sides (the demo mistake)', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80}\n'),
    'clusters/west/web.yaml': svc('  - {name: http, port: 8080}\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS202');
  assert.deepEqual(
    east.map((d) => [d.line, d.character, d.endCharacter, d.severity]),
    [[6, 23, 25, 2]],
  );
  assert.match(
    east[0].message,
    /^Port http is 80\/TCP in cluster east but 8080\/TCP in cluster west: the MCS controller sets Conflict=True \(PortConflict\)/,
  );
  const west = diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS202');
  assert.deepEqual(
    west.map((d) => [d.line, d.character, d.endCharacter]),
    [[6, 23, 27]],
  );
  const related = s.validate(uriOf('clusters/west/web.yaml')).diagnostics.find((d) => d.code === 'MCS202')?.relatedInformation;
  assert.deepEqual(
    related?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.message]),
    [[uriOf('clusters/east/web.yaml'), 6, 23, 'Cluster east: http 80/TCP']],
  );
  s.setFile(uriOf('clusters/west/web.yaml'), svc('  - {name: http, port: 80}\n'), 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS202'), []);
});

test('MCS202 reports an extra port on its side and the missing one on the other side', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80}\n  - {name: metrics, port: 9090}\n'),
    'clusters/west/web.yaml': svc('  - {name: http, port: 80}\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS202');
  assert.deepEqual(
    east.map((d) => [d.line, d.character]),
    [[7, 26]],
  );
  assert.match(
    east[0].message,
    /Port metrics \(metrics 9090\/TCP\) is exposed in cluster east but not in cluster west: .*union of ports/,
  );
  const west = diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS202');
  assert.deepEqual(
    west.map((d) => [d.line, d.character, d.endCharacter]),
    [[5, 2, 7]],
  );
  assert.match(west[0].message, /Cluster east exposes port metrics 9090\/TCP, which this Service in cluster west lacks/);
});

test('MCS202 reports renamed ports, appProtocol and protocol differences; defaults compare equal', () => {
  const named = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80}\n'),
    'clusters/west/web.yaml': svc('  - {name: web, port: 80}\n'),
  });
  assert.match(
    diagnosticsOf(named, 'clusters/east/web.yaml', 'MCS202')[0].message,
    /Port 80\/TCP is named "http" in cluster east but "web" in cluster west/,
  );
  const app = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80, appProtocol: http}\n'),
    'clusters/west/web.yaml': svc('  - {name: http, port: 80}\n'),
  });
  assert.match(
    diagnosticsOf(app, 'clusters/west/web.yaml', 'MCS202')[0].message,
    /Port http has appProtocol \(none\) in cluster west but http in cluster east/,
  );
  const same = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80, protocol: TCP}\n'),
    'clusters/west/web.yaml': svc('  - {name: http, port: 80}\n'),
  });
  assert.deepEqual(diagnosticsOf(same, 'clusters/east/web.yaml', 'MCS202'), []);
  const udp = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: dns, port: 53, protocol: UDP}\n'),
    'clusters/west/web.yaml': svc('  - {name: dns, port: 53}\n'),
  });
  assert.match(
    diagnosticsOf(udp, 'clusters/east/web.yaml', 'MCS202')[0].message,
    /Port dns is 53\/UDP in cluster east but 53\/TCP in cluster west/,
  );
});

test('MCS202 names every cluster that lacks a port in one finding', () => {
  const s = serviceWith({
    'clusters/east/web.yaml': svc('  - {name: http, port: 80}\n  - {name: metrics, port: 9090}\n'),
    'clusters/west/web.yaml': svc('  - {name: http, port: 80}\n'),
    'clusters/central/web.yaml': svc('  - {name: http, port: 80}\n'),
  });
  const east = diagnosticsOf(s, 'clusters/east/web.yaml', 'MCS202');
  assert.equal(east.length, 1);
  assert.match(east[0].message, /is exposed in cluster east but not in cluster central, west:/);
  const west = diagnosticsOf(s, 'clusters/west/web.yaml', 'MCS202');
  assert.deepEqual(
    west.map((d) => [d.line, d.character]),
    [[5, 2]],
  );
  assert.match(west[0].message, /^Cluster east exposes port metrics 9090\/TCP, which this Service in cluster west lacks/);
});
