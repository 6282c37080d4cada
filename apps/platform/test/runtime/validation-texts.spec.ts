import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { SVENSKA_REGLER } from '@app/core';
// Loading the platform's modules declares every DTO of every lib, with its checks.
import '../../src/platform.module';

describe('validation messages', () => {
  it('has a Swedish sentence for every check a DTO of the platform declares', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { name?: string; type: string }[]>;
    };
    const checks = new Set(
      [...storage.validationMetadatas.values()]
        .flat()
        .filter((m) => m.type !== 'conditionalValidation')
        .map((m) => m.name ?? m.type),
    );
    expect(checks.size).toBeGreaterThan(10);
    expect([...checks].filter((c) => !SVENSKA_REGLER[c])).toEqual([]);
  });
});
