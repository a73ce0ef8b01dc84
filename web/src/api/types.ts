// Types mirroring docs/api.md. Keep them in step with the server's JSON.

export type Difficulty = 'easy' | 'medium' | 'hard';
export type ProblemStatus = 'new' | 'attempted' | 'solved';
export type ProblemMode = 'function' | 'stdio' | 'sql';
export type SortKey = 'title' | 'difficulty' | 'estimate';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export type Role = 'learner' | 'interviewer' | 'author' | 'admin';
export const ROLES: readonly Role[] = ['learner', 'interviewer', 'author', 'admin'];

export interface Me {
  id: string;
  kind: 'guest' | 'account';
  /** null for guests. */
  username: string | null;
  display_name: string;
  email: string | null;
  bio: string;
  role: Role;
  created_at: number;
  /** The avatar (256×256 PNG) with its version in the query; null or absent without one. */
  avatar_url?: string | null;
  /** Whether the account has a password (changing it then needs the current one). */
  has_password?: boolean;
}

/** GET /api/auth/methods: the ways to sign in this server offers besides a password. */
export interface AuthMethods {
  magic_link: boolean;
  passkeys: boolean;
}

/** POST /api/auth/magic-link: the same answer whether or not the address has an account. */
export interface MagicLinkSent {
  message: string;
}

/** An OpenID Connect provider one may sign in with (GET /api/auth/providers). */
export interface OidcProvider {
  id: string;
  name: string;
}

/** A provider linked to my account (GET /api/me/identities). */
export interface LinkedIdentity {
  provider: string;
  name: string;
  email: string | null;
  created_at: number;
}

/** One account in the admin list. */
export interface UserSummary {
  id: string;
  username: string | null;
  display_name: string;
  role: Role;
  created_at: number;
}

export interface UserList {
  users: UserSummary[];
  page: number;
  per_page: number;
  total: number;
}

export interface Language {
  id: string;
  name: string;
  version: string | null;
  available: boolean;
  reason: string | null;
}

export interface ProblemSummary {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  time_estimate_minutes: number;
  mode: ProblemMode;
  languages: string[];
  status: ProblemStatus;
  summary: string;
}

export interface ProblemList {
  problems: ProblemSummary[];
  topics: string[];
}

export interface SignatureParam {
  name: string;
  ty: string;
}

export interface Signature {
  name: string;
  params: SignatureParam[];
  returns: string;
}

export interface Example {
  name: string;
  input: string;
  expected: string;
}

export interface Problem extends ProblemSummary {
  statement: string;
  /** The statement rendered on the server: safe HTML, leading title dropped. */
  statement_html: string;
  constraints: string[];
  limits: { time_ms: number; memory_mib: number };
  signature: Signature | null;
  starter: Record<string, string>;
  examples: Example[];
  custom_input_help: string;
  hint_count: number;
  has_solutions: boolean;
}

export interface Draft {
  code: string;
  client_updated_at: number;
  saved_at?: number;
}

export interface Timer {
  estimate_ms: number;
  elapsed_ms: number;
  running: boolean;
  stopped: boolean;
  server_now: number;
}

export interface Hint {
  tier: number;
  text: string;
}

export interface RevealedHint extends Hint {
  total: number;
}

export interface Solution {
  language: string;
  code: string;
}

export interface Session {
  slug: string;
  language: string;
  drafts: Record<string, Draft>;
  timer: Timer;
  hints: Hint[];
  hint_count: number;
  solutions: Solution[] | null;
  solved: boolean;
}

export type RunKind = 'run' | 'submit' | 'custom';
export type RunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
export type Verdict =
  | 'accepted'
  | 'wrong_answer'
  | 'time_limit_exceeded'
  | 'memory_limit_exceeded'
  | 'output_limit_exceeded'
  | 'runtime_error'
  | 'compile_error'
  | 'internal_error'
  | 'skipped';

export interface TestResult {
  name: string;
  hidden: boolean;
  /** A `Verdict`, kept open to new ones. */
  verdict: string;
  cpu_ms: number;
  wall_ms: number;
  memory_kib: number;
  input?: string | null;
  expected?: string | null;
  actual?: string | null;
  diff?: string | null;
  message?: string | null;
  printed?: string | null;
}

export interface CompileInfo {
  /** "ok", "compile_error" or the limit that stopped the compiler. */
  status: string;
  output: string;
}

export interface JudgeReport {
  verdict: string;
  passed: number;
  total: number;
  tests: TestResult[];
  compile?: CompileInfo | null;
  /** Peak memory of the whole run (function mode measures one process for all tests). */
  memory_kib?: number;
  /** Slowest test's CPU time and the per-test limit for this language. */
  max_cpu_ms?: number;
  time_limit_ms?: number;
}

export interface FailureReport {
  message: string;
}

export interface RunSummary {
  id: string;
  problem: string;
  language: string;
  kind: RunKind;
  status: RunStatus;
  /** A `Verdict` once done; null before. */
  verdict: string | null;
  passed: number;
  total: number;
  created_at: number;
  finished_at: number | null;
  custom_input?: string | null;
}

export interface Run extends RunSummary {
  code: string;
  report: JudgeReport | FailureReport | null;
}

export interface Submission extends RunSummary {
  code: string;
}

export interface RunRequest {
  problem: string;
  language: string;
  code: string;
  kind: RunKind;
  custom_input?: string;
}

export interface RunAccepted {
  id: string;
  status: 'queued';
  position: number;
}

// Server-Sent Events on /api/runs/{id}/events
export interface QueuedEvent {
  position: number;
}
export interface TestEvent {
  index: number;
  total: number;
  result: TestResult;
}

export function isJudgeReport(r: Run['report']): r is JudgeReport {
  return r !== null && typeof r === 'object' && Array.isArray((r as JudgeReport).tests);
}

/** A started passkey ceremony (POST .../start): its id for .../finish and the browser options. */
export interface PasskeyCeremony<Options> {
  ceremony: string;
  expires_at: number;
  public_key: Options;
}

/** One passkey of mine (no key material). */
export interface PasskeyInfo {
  id: string;
  name: string;
  created_at: number;
  /** null until first used to sign in. */
  last_used_at: number | null;
}
