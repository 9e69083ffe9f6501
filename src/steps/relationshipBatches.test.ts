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

test('relationships reach the SDK one type at a time, 500 at a time, the rest at the end', async () => {
  const jobState = recordingJobState();
  const batches = new RelationshipBatches(jobState);
  for (let page = 0; page < 3; page++) {
    await batches.add(pageOfRelationships(page));
  }
  const beforeRest = jobState.calls.length;
  await batches.addRest();

  const sizes = jobState.calls.map((call) => call.length);
  const types = jobState.calls.map((call) => new Set(call.map((r) => r._type)));
  expect(types.every((set) => set.size === 1)).toBe(true);
  expect(
    sizes.slice(0, beforeRest).every((size) => size === SDK_FILE_SIZE),
  ).toBe(true);
  expect(sizes.reduce((total, size) => total + size, 0)).toBe(3 * 1200);
  expect(sizes.slice(beforeRest).sort()).toEqual([200, 400]);
  const keys = jobState.calls.flat().map((r) => r._key);
  expect(new Set(keys).size).toBe(keys.length);
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
