import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../masking-schema';
import { DETECTOR_REGISTRY } from '.';

describe('DETECTOR_REGISTRY', () => {
  it('has exactly one detector per schema name, named after it', () => {
    expect(Object.keys(DETECTOR_REGISTRY).sort()).toEqual([...DETECTORS].sort());
    for (const name of DETECTORS) expect(DETECTOR_REGISTRY[name].name).toBe(name);
  });

  it.each(DETECTORS.map((name) => [name, DETECTOR_REGISTRY[name].label] as const))('%s has a plain label (%s) for [redacted <label>]', (_name, label) => {
    expect(label).toMatch(/^[A-Za-z][A-Za-z ]*$/);
  });

  it.each(DETECTORS)('%s finds nothing in empty or ordinary text', (name) => {
    expect(DETECTOR_REGISTRY[name].find('')).toEqual([]);
    expect(DETECTOR_REGISTRY[name].find('Olivia Smith, London, paid 1234.50 on 2024-01-15')).toEqual([]);
  });
});
