import { Entity } from '@jupiterone/integration-sdk-core';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';
import { Relationships } from '../constants';
import { loadExecutionConfig } from '../execution';
import { StepLedger } from './ledger';

function ledgerWithContext() {
  const instanceConfig = {
    instanceUrl: 'https://example.my.salesforce.com',
    clientId: 'id',
    clientSecret: 'secret',
  };
  const context = {
    ...createMockStepExecutionContext({ instanceConfig }),
    executionConfig: loadExecutionConfig({ config: instanceConfig }),
  };
  const info = jest.spyOn(context.logger, 'info');
  const warn = jest.spyOn(context.logger, 'warn');
  const publishedEvent = jest.spyOn(context.logger, 'publishEvent');
  return {
    context,
    ledger: new StepLedger(context, 'User'),
    info,
    warn,
    publishedEvent,
  };
}

test('a record that cannot be converted is logged with its Id, and fails the step in the end', () => {
  const { ledger, info, warn, publishedEvent } = ledgerWithContext();
  const converted = ledger.convert(
    [{ Id: '005A' }, { Id: '005B' }],
    (record) => {
      if (record.Id === '005B') throw new Error('no Username');
      return { _key: record.Id } as Entity;
    },
  );

  expect(converted.records.map((record) => record.Id)).toEqual(['005A']);
  expect(converted.entities.map((entity) => entity._key)).toEqual(['005A']);
  expect(ledger.withheldIds).toEqual(['005B']);
  expect(() => ledger.finish()).toThrow(
    '1 User record was left out, so that JupiterOne keeps what it had of them: 1 × User could not be converted (first: 005B: no Username)',
  );
  expect(info).toHaveBeenCalledWith(
    {
      id: '005B',
      reason: 'User could not be converted',
      error: 'no Username',
    },
    'Skipped record',
  );
  expect(info).toHaveBeenCalledWith(
    expect.objectContaining({ fetched: 2, entities: 1 }),
    'Collected User records',
  );
  expect(warn).toHaveBeenCalledWith(
    { skipped: { 'User could not be converted': 1 } },
    'Skipped User data: 1 × User could not be converted',
  );
  expect(publishedEvent).toHaveBeenCalledTimes(1);
});

test("finish names the step's own problems with the records it withheld", () => {
  const { ledger } = ledgerWithContext();
  ledger.withhold('privileges unknown', '005A', { missing: '0PSX' });
  ledger.withhold('privileges unknown', '005B', { missing: '0PSY' });

  expect(() => ledger.finish(undefined, 'Roles were not collected')).toThrow(
    '2 User records were left out, so that JupiterOne keeps what it had of them: 2 × privileges unknown (first: 005A, missing 0PSX, 0PSY). The first 20 of each reason are logged as skipped records. Roles were not collected',
  );
});

test('finish does not fail a step that withheld nothing and has no problem', () => {
  const { ledger } = ledgerWithContext();
  expect(() => ledger.finish(undefined)).not.toThrow();
});

test('a reference to an entity not collected is skipped; a null one is not', async () => {
  const { context, ledger, info, publishedEvent } = ledgerWithContext();
  await context.jobState.addEntity({
    _key: '005A',
    _type: 'salesforce_user',
    _class: ['User'],
  });

  expect(
    ledger.relate(Relationships.USER_HAS_PROFILE, '005A', null),
  ).toBeUndefined();
  expect(
    ledger.relate(Relationships.USER_HAS_PROFILE, '005A', '00eX'),
  ).toBeUndefined();
  expect(
    ledger.relate(Relationships.GROUP_HAS_USER, '00GX', '005A'),
  ).toBeUndefined();
  ledger.finish();

  expect(info).toHaveBeenCalledWith(
    {
      id: '00eX',
      reason:
        'salesforce_user_has_profile with its salesforce_profile end not collected',
      from: '005A',
      to: '00eX',
    },
    'Skipped record',
  );
  expect(info).toHaveBeenCalledWith(
    expect.objectContaining({
      id: '00GX',
      reason:
        'salesforce_group_has_user with its salesforce_group end not collected',
    }),
    'Skipped record',
  );
  expect(publishedEvent).toHaveBeenCalledWith(
    expect.objectContaining({
      description:
        'Skipped User data: 1 × salesforce_user_has_profile with its salesforce_profile end not collected; 1 × salesforce_group_has_user with its salesforce_group end not collected. An end not collected: its step failed or left it out, or it was created or deleted during the run, or it is hidden from the integration user',
    }),
  );
});

test('an omission is summed up without a warning', () => {
  const { ledger, info, publishedEvent } = ledgerWithContext();
  ledger.omit('assignee not among the users read');
  ledger.finish();

  expect(info).toHaveBeenCalledWith(
    expect.objectContaining({
      omitted: { 'assignee not among the users read': 1 },
    }),
    'Collected User records',
  );
  expect(publishedEvent).not.toHaveBeenCalled();
});
