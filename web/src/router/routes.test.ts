import { describe, expect, it } from 'vitest';
import { isPlainLeftClick, matchRoute, problemPath } from './routes';

describe('matchRoute', () => {
  it('matches the landing page', () => {
    expect(matchRoute('/')).toEqual({ name: 'landing' });
    expect(matchRoute('')).toEqual({ name: 'landing' });
  });

  it('matches the problem list with or without a trailing slash', () => {
    expect(matchRoute('/problems')).toEqual({ name: 'problems' });
    expect(matchRoute('/problems/')).toEqual({ name: 'problems' });
  });

  it('matches a session and decodes the slug', () => {
    expect(matchRoute('/problems/two-sum')).toEqual({ name: 'session', slug: 'two-sum' });
    expect(matchRoute('/problems/two-sum/')).toEqual({ name: 'session', slug: 'two-sum' });
    expect(matchRoute('/problems/a%20b')).toEqual({ name: 'session', slug: 'a b' });
  });

  it('matches the account pages', () => {
    expect(matchRoute('/signin')).toEqual({ name: 'signin' });
    expect(matchRoute('/signup/')).toEqual({ name: 'signup' });
    expect(matchRoute('/account')).toEqual({ name: 'account' });
    expect(matchRoute('/admin')).toEqual({ name: 'admin' });
    expect(matchRoute('/admin/x')).toEqual({ name: 'not-found', path: '/admin/x' });
  });

  it('sends everything else to the 404 page', () => {
    expect(matchRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
    expect(matchRoute('/problems/a/b')).toEqual({ name: 'not-found', path: '/problems/a/b' });
    expect(matchRoute('/problems/%E0%A4%A')).toEqual({ name: 'not-found', path: '/problems/%E0%A4%A' });
  });

  it('round-trips problemPath', () => {
    const slug = 'weird slug/?';
    expect(matchRoute(problemPath(slug))).toEqual({ name: 'session', slug });
  });
});

describe('isPlainLeftClick', () => {
  const base = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  it('accepts a plain left click', () => {
    expect(isPlainLeftClick(base)).toBe(true);
  });
  it('leaves modified, middle and handled clicks to the browser', () => {
    expect(isPlainLeftClick({ ...base, ctrlKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...base, metaKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...base, shiftKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...base, button: 1 })).toBe(false);
    expect(isPlainLeftClick({ ...base, defaultPrevented: true })).toBe(false);
  });
});
