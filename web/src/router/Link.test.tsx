/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from './history';
import { Link } from './Link';
import { useLocation } from './useLocation';

describe('Link and useLocation', () => {
  const stopNavigation = (e: Event) => e.preventDefault();
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    // Runs after the Link's own handler: stops jsdom from "navigating" on ctrl-clicks.
    window.addEventListener('click', stopNavigation);
  });
  afterEach(() => {
    window.removeEventListener('click', stopNavigation);
    cleanup();
  });

  it('navigates in-app on a plain click and updates subscribers', () => {
    const { result } = renderHook(() => useLocation());
    render(<Link href="/problems?topic=graphs">Problems</Link>);
    fireEvent.click(screen.getByRole('link', { name: 'Problems' }));
    expect(window.location.pathname).toBe('/problems');
    expect(result.current).toEqual({ pathname: '/problems', search: '?topic=graphs' });
  });

  it('lets the browser handle ctrl-clicks', () => {
    render(<Link href="/problems">Problems</Link>);
    const link = screen.getByRole('link', { name: 'Problems' });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    link.dispatchEvent(event);
    expect(window.location.pathname).toBe('/');
  });

  it('follows back/forward (popstate)', () => {
    const { result } = renderHook(() => useLocation());
    act(() => navigate('/problems/two-sum'));
    expect(result.current.pathname).toBe('/problems/two-sum');
    act(() => {
      window.history.replaceState(null, '', '/problems');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.pathname).toBe('/problems');
  });

  it('replaces the entry when asked', () => {
    const before = window.history.length;
    act(() => navigate('/problems?q=a', { replace: true }));
    expect(window.history.length).toBe(before);
    expect(window.location.search).toBe('?q=a');
  });
});
