import { describe, expect, it } from 'vitest';
import { recordPath } from './paths';

describe('recordPath', () => {
  it('keeps codes without a dot as they are', () => {
    expect(recordPath('tasks', 'TG1')).toBe('/tasks/TG1');
    expect(recordPath('documents', 'VT-KH-2021-05')).toBe('/documents/VT-KH-2021-05');
  });
  it('adds a last segment without a dot when the code has one (the server would read ".1" as a file extension)', () => {
    expect(recordPath('tasks', 'TG1.1')).toBe('/tasks/TG1.1/chi-tiet');
    expect(recordPath('tasks', 'TG3.1.2')).toBe('/tasks/TG3.1.2/chi-tiet');
  });
  it('encodes what needs encoding', () => {
    expect(recordPath('indicators', 'A B/C')).toBe('/indicators/A%20B%2FC');
  });
});
