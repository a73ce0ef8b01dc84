import type { Example } from '../../api/types';

/** The public tests that "Run" checks, with their inputs and expected answers. */
export function Examples({ examples }: { examples: Example[] }) {
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="st-examples">
      <h2 id="st-examples">Example tests</h2>
      <ol className="examples">
        {examples.map((ex) => (
          <li key={ex.name} className="example" data-testid="example">
            <p className="example__name">{ex.name}</p>
            <dl>
              <dt>Input</dt>
              <dd>
                <pre>{ex.input}</pre>
              </dd>
              <dt>Expected</dt>
              <dd>
                <pre>{ex.expected}</pre>
              </dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
