/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fixtures';
import { ProblemsPage } from './ProblemsPage';

const list = {
  problems: [
    problem({ slug: 'atoll-census', title: 'Atoll Census', difficulty: 'medium', topics: ['graphs'], status: 'solved' }),
    problem({ slug: 'best-streak', title: 'Best Streak', difficulty: 'easy', topics: ['arrays'], status: 'attempted' }),
    problem({ slug: 'bird-snapshots', title: 'Bird Snapshots', difficulty: 'hard', topics: ['graphs', 'dp'] }),
  ],
  topics: ['arrays', 'dp', 'graphs'],
};

describe('ProblemsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/problems');
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>((input) => {
        const url = input as string;
        const body = url.startsWith('/api/problems') ? list : [{ id: 'python', name: 'Python', version: '3.11', available: true, reason: null }];
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists problems with status marks, sorted by difficulty', async () => {
    render(<ProblemsPage />);
    await waitFor(() => expect(screen.getAllByTestId('problem-row')).toHaveLength(3));
    const rows = screen.getAllByTestId('problem-row');
    expect(rows.map((r) => r.dataset.slug)).toEqual(['best-streak', 'atoll-census', 'bird-snapshots']);
    expect(rows[1]?.querySelector('[data-status="solved"]')?.textContent).toContain('✓');
    expect(rows[0]?.querySelector('[data-status="attempted"]')?.textContent).toContain('●');
    expect(screen.getByTestId('problems-count').textContent).toContain('3 of 3 problems');
  });

  it('filters by a topic chip and keeps the filter in the URL', async () => {
    render(<ProblemsPage />);
    await waitFor(() => expect(screen.getAllByTestId('problem-row')).toHaveLength(3));
    const chip = screen.getAllByTestId('topic-chip').find((c) => c.dataset.topic === 'graphs');
    if (chip === undefined) throw new Error('no chip');
    fireEvent.click(chip);
    expect(window.location.search).toBe('?topic=graphs');
    await waitFor(() => expect(screen.getAllByTestId('problem-row')).toHaveLength(2));
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(chip);
    expect(window.location.search).toBe('');
  });

  it('reads filters from the URL on load and previews the selected problem', async () => {
    window.history.replaceState(null, '', '/problems?q=bird');
    render(<ProblemsPage />);
    await waitFor(() => expect(screen.getAllByTestId('problem-row')).toHaveLength(1));
    expect(screen.getByTestId<HTMLInputElement>('search-input').value).toBe('bird');
    expect(screen.getByTestId('problem-preview').textContent).toContain('Bird Snapshots');
    expect(screen.getByTestId('preview-open').getAttribute('href')).toBe('/problems/bird-snapshots');
  });

  it('shows a readable error with a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    render(<ProblemsPage />);
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toMatch(/Could not reach the Tandem server/));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
