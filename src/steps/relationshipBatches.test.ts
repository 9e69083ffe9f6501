import { Relationship } from '@jupiterone/integration-sdk-core';
import { RelationshipBatches, SDK_FILE_SIZE } from './relationshipBatches';

function relationship(type: string, key: string): Relationship {
  return {
    _key: key,
    _type: type,
    _class: 'HAS',
    _fromEntityKey: key,
    _toEntityKey: 'target',
  };
}

/** 300 users' relationships, the types interleaved as records give them. */
function pageOfRelationships(page: number): Relationship[] {
  return Array.from({ length: 300 }, (_, user) => [
    relationship('has_user', `${page}-${user}`),
    ...[0, 1, 2].map((n) =>
      relationship('assigned_permission_set', `${page}-${user}-${n}`),
    ),
  ]).flat();
}

function recordingJobState() {
  const calls: Relationship[][] = [];
  return {
    calls,
    addRelationships: (relationships: Relationship[]) => {
      calls.push(relationships);
      return Promise.resolve();
    },
  };
}

/** A call cut into files as the SDK cuts it: 500 at a time, in order. */
function filesOf(call: Relationship[]): Relationship[][] {
  const files: Relationship[][] = [];
  for (let start = 0; start < call.length; start += SDK_FILE_SIZE) {
    files.push(call.slice(start, start + SDK_FILE_SIZE));
  }
  return files;
}

test('relationships reach the SDK in whole files of one type each, the rest at the end', async () => {
  const jobState = recordingJobState();
  const batches = new RelationshipBatches(jobState);
  for (let page = 0; page < 3; page++) {
    await batches.add(pageOfRelationships(page));
  }
  const beforeRest = jobState.calls.length;
  await batches.addRest();

  const files = jobState.calls.slice(0, beforeRest).flatMap(filesOf);
  expect(files.every((file) => file.length === SDK_FILE_SIZE)).toBe(true);
  expect(
    files.every((file) => new Set(file.map((r) => r._type)).size === 1),
  ).toBe(true);
  const rest = jobState.calls.slice(beforeRest).flat();
  expect(rest.filter((r) => r._type === 'has_user')).toHaveLength(400);
  expect(
    rest.filter((r) => r._type === 'assigned_permission_set'),
  ).toHaveLength(200);
  const keys = jobState.calls.flat().map((r) => r._key);
  expect(keys).toHaveLength(3 * 1200);
  expect(new Set(keys).size).toBe(keys.length);
});

test('every full file of every type goes in one call, for the SDK to write them at the same time', async () => {
  const jobState = recordingJobState();
  const batches = new RelationshipBatches(jobState);
  await batches.add(pageOfRelationships(0));
  await batches.add(pageOfRelationships(1));

  // Page 0 fills one file of assignments; page 1 one of users and two more
  // of assignments, handed together.
  expect(jobState.calls.map((call) => call.length)).toEqual([500, 1500]);
  expect(filesOf(jobState.calls[1]).map((file) => file[0]._type)).toEqual([
    'has_user',
    'assigned_permission_set',
    'assigned_permission_set',
  ]);
});

test('nothing is added twice, and an empty rest adds nothing', async () => {
  const jobState = recordingJobState();
  const batches = new RelationshipBatches(jobState);
  await batches.add(
    Array.from({ length: SDK_FILE_SIZE }, (_, n) =>
      relationship('has_user', `${n}`),
    ),
  );
  await batches.addRest();
  expect(jobState.calls.map((call) => call.length)).toEqual([SDK_FILE_SIZE]);
});
