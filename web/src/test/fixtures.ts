import type { ProblemSummary, Run, TestResult } from '../api/types';

export function problem(over: Partial<ProblemSummary> = {}): ProblemSummary {
  return {
    slug: 'two-sum',
    title: 'Two Sum',
    difficulty: 'easy',
    topics: ['arrays', 'hashing'],
    time_estimate_minutes: 15,
    mode: 'function',
    languages: ['python', 'cpp'],
    status: 'new',
    summary: 'Find two numbers that add up to a target.',
    ...over,
  };
}

export function testResult(over: Partial<TestResult> = {}): TestResult {
  return {
    name: 'example-1',
    hidden: false,
    verdict: 'accepted',
    cpu_ms: 1,
    wall_ms: 2,
    memory_kib: 9000,
    input: 'nums = [1, 2]',
    expected: '3',
    actual: '3',
    diff: '',
    message: null,
    printed: '',
    ...over,
  };
}

export function run(over: Partial<Run> = {}): Run {
  return {
    id: 'r1',
    problem: 'two-sum',
    language: 'python',
    kind: 'run',
    status: 'done',
    verdict: 'accepted',
    passed: 1,
    total: 1,
    created_at: 1,
    finished_at: 2,
    code: 'print(1)',
    custom_input: null,
    report: { verdict: 'accepted', passed: 1, total: 1, tests: [testResult()] },
    ...over,
  };
}
