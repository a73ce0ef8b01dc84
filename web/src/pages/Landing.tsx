import { Link } from '../router/Link';
import { FeaturedProblems } from './FeaturedProblems';

export function Landing() {
  return (
    <div className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Practise coding problems with a judge that explains.</h1>
        <p className="hero__lead">
          Tandem is an open-source, self-hosted place to practise interview-style problems. Write code in the
          browser in Python, C++, Java, Rust, Go, TypeScript and more, run it against public tests, submit it
          against hidden ones, and see exactly where the output differs.
        </p>
        <p className="actions">
          <Link className="button button--primary button--large" href="/problems" data-testid="cta-browse">
            Browse problems
          </Link>
        </p>
      </section>

      <section className="features" aria-label="What you get">
        <div className="feature">
          <h2>Real judge, real limits</h2>
          <p>Every run executes in a sandbox with time and memory limits, and each test shows its time and memory.</p>
        </div>
        <div className="feature">
          <h2>Diffs, not just “wrong answer”</h2>
          <p>Failing visible tests show input, expected and actual output side by side, with a line diff.</p>
        </div>
        <div className="feature">
          <h2>Practise at your pace</h2>
          <p>A timer from the problem’s estimate, hints in tiers, drafts that survive reloads and going offline.</p>
        </div>
      </section>

      <FeaturedProblems />
    </div>
  );
}
