// Service names written in app configuration: which scalars are read, in which order, and where each name sits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceHostnames } from '../../../../../server/src/service/model/serviceHostnames';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';

function refsOf(text: string) {
  const doc = parseDocumentText(text);
  return serviceHostnames(doc).map((r) => ({
    labels: r.labels.join('.'),
    zone: r.zone,
    path: r.path.join('/'),
    text: text.slice(r.span.start, r.span.end),
    exact: r.exact,
  }));
}

test('ConfigMap data: every string value with .svc. names, in key order, with exact spans', () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: app',
    'data:',
    '  db.host: orders-db.team-1.svc.cluster.local',
    '  retries: "4"',
    '  none: no names here',
    '  "": web.shop.svc.clusterset.local',
    '  app.properties: |',
    '    a=http://east.web.shop.svc.clusterset.local:80',
    '    b=x.svc.cluster.local and cache.infra.svc.cluster.local',
    '  quoted: "api.prod.svc.clusterset.local"',
    '',
  ].join('\n');
  assert.deepEqual(refsOf(text), [
    {
      labels: 'orders-db.team-1',
      zone: 'cluster.local',
      path: 'data/db.host',
      text: 'orders-db.team-1.svc.cluster.local',
      exact: true,
    },
    {
      labels: 'east.web.shop',
      zone: 'clusterset.local',
      path: 'data/app.properties',
      text: 'east.web.shop.svc.clusterset.local',
      exact: true,
    },
    {
      labels: 'cache.infra',
      zone: 'cluster.local',
      path: 'data/app.properties',
      text: 'cache.infra.svc.cluster.local',
      exact: true,
    },
    { labels: 'api.prod', zone: 'clusterset.local', path: 'data/quoted', text: 'api.prod.svc.clusterset.local', exact: true },
  ]);
});

test('Deployment env values of containers, then initContainers; other fields and non-strings are not read', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    '  annotations: {note: web.shop.svc.cluster.local}',
    'spec:',
    '  template:',
    '    spec:',
    '      initContainers:',
    '        - name: wait',
    '          env:',
    '            - {name: A, value: db.data.svc.cluster.local}',
    '      containers:',
    '        - name: one',
    '          args: [web.shop.svc.cluster.local]',
    '        - name: two',
    '          env:',
    '            - name: PORT',
    '              value: 8080',
    '            - name: UPSTREAM',
    '              value: http://east.web.shop.svc.clusterset.local',
    '',
  ].join('\n');
  assert.deepEqual(refsOf(text), [
    {
      labels: 'east.web.shop',
      zone: 'clusterset.local',
      path: 'spec/template/spec/containers/1/env/1/value',
      text: 'east.web.shop.svc.clusterset.local',
      exact: true,
    },
    {
      labels: 'db.data',
      zone: 'cluster.local',
      path: 'spec/template/spec/initContainers/0/env/0/value',
      text: 'db.data.svc.cluster.local',
      exact: true,
    },
  ]);
});
