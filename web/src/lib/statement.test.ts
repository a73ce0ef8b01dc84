import { describe, expect, it } from 'vitest';
import { hasConstraintsSection, stripLeadingTitle } from './statement';

describe('statement helpers', () => {
  it('drops a leading title that repeats the problem title', () => {
    expect(stripLeadingTitle('# Atoll Census\n\nCount islands.', 'Atoll Census')).toBe('Count islands.');
    expect(stripLeadingTitle('  # atoll census  \nText', 'Atoll Census')).toBe('Text');
  });
  it('keeps other headings', () => {
    expect(stripLeadingTitle('# Something else\nText', 'Atoll Census')).toBe('# Something else\nText');
    expect(stripLeadingTitle('Text first\n# Atoll Census', 'Atoll Census')).toBe('Text first\n# Atoll Census');
  });
  it('finds a constraints section', () => {
    expect(hasConstraintsSection('a\n## Constraints\n- x')).toBe(true);
    expect(hasConstraintsSection('the constraints are')).toBe(false);
  });
});
