// Syntax colours with at least 4.5:1 contrast on the editor backgrounds (including the active
// line and the selection): One Dark's palette brightened for the dark theme, CodeMirror's default
// colours darkened where needed for the light one.

import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const dark = {
  violet: '#d49fe9',
  coral: '#ef8891',
  malibu: '#61afef',
  whiskey: '#d19a66',
  ivory: '#abb2bf',
  chalky: '#e5c07b',
  cyan: '#56b6c2',
  stone: '#9ba6b8',
  sage: '#98c379',
  invalid: '#ffffff',
};

export const darkHighlight = HighlightStyle.define([
  { tag: t.keyword, color: dark.violet },
  { tag: [t.name, t.deleted, t.character, t.propertyName, t.macroName], color: dark.coral },
  { tag: [t.function(t.variableName), t.labelName], color: dark.malibu },
  { tag: [t.color, t.constant(t.name), t.standard(t.name)], color: dark.whiskey },
  { tag: [t.definition(t.name), t.separator], color: dark.ivory },
  {
    tag: [t.typeName, t.className, t.number, t.changed, t.annotation, t.modifier, t.self, t.namespace],
    color: dark.chalky,
  },
  { tag: [t.operator, t.operatorKeyword, t.url, t.escape, t.regexp, t.link, t.special(t.string)], color: dark.cyan },
  { tag: [t.meta, t.comment], color: dark.stone, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: dark.stone, textDecoration: 'underline' },
  { tag: t.heading, fontWeight: 'bold', color: dark.coral },
  { tag: [t.atom, t.bool, t.special(t.variableName)], color: dark.whiskey },
  { tag: [t.processingInstruction, t.string, t.inserted], color: dark.sage },
  { tag: t.invalid, color: dark.invalid },
]);

export const lightHighlight = HighlightStyle.define([
  { tag: t.meta, color: '#404740' },
  { tag: t.link, textDecoration: 'underline' },
  { tag: t.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.keyword, color: '#770088' },
  { tag: [t.atom, t.bool, t.url, t.contentSeparator, t.labelName], color: '#222299' },
  { tag: [t.literal, t.inserted], color: '#116644' },
  { tag: [t.string, t.deleted], color: '#aa1111' },
  { tag: [t.regexp, t.escape, t.special(t.string)], color: '#b83300' },
  { tag: t.definition(t.variableName), color: '#0000cc' },
  { tag: t.local(t.variableName), color: '#3300aa' },
  { tag: [t.typeName, t.namespace], color: '#00704a' },
  { tag: t.className, color: '#116677' },
  { tag: [t.special(t.variableName), t.macroName], color: '#225566' },
  { tag: t.definition(t.propertyName), color: '#0000cc' },
  { tag: t.comment, color: '#994400', fontStyle: 'italic' },
  { tag: t.invalid, color: '#cc0000' },
]);
