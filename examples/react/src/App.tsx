import { use, useState, type FormEvent } from 'react';
import type { CpqConfigurationChangeDetail, CpqConfigurationChangeEvent, CpqLoadEvent } from '@cpq-kit/components';
// The elements' JSX types: their properties, and an `on<event>` listener per event.
import type {} from '@cpq-kit/components/react';
import type { Catalog, Configuration } from '@cpq-kit/engine';

export function App(props: { catalog: Promise<Catalog> }) {
  const catalog = use(props.catalog);
  // Where the configurator starts: the plan chosen in the comparison, complete.
  const [start, setStart] = useState<Configuration>();
  // What the configurator said last: the configuration, its price, whether it is complete.
  const [state, setState] = useState<CpqConfigurationChangeDetail>();
  const [submitted, setSubmitted] = useState<Configuration>();

  // `cpq-load` too: after a plan is chosen, the configuration is the plan's, with no change by the buyer yet.
  const show = (event: CpqConfigurationChangeEvent | CpqLoadEvent) => setState(event.detail);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The configurator is a form control: the form data hold its configuration, as JSON under its name.
    const data = new FormData(event.currentTarget);
    setSubmitted(JSON.parse(String(data.get('configuration'))) as Configuration);
  }

  return (
    <main>
      <h1>cpq-kit in React</h1>
      <h2>Compare the plans</h2>
      <product-comparison
        catalog={catalog}
        products="starter business enterprise"
        promoted="business"
        oncpq-select={(event) => setStart(event.detail.item.configuration)}
      />
      <h2>Configure yours</h2>
      {/* The browser refuses to submit while choices are open: the configurator is invalid until then. */}
      <form onSubmit={submit}>
        <product-configurator
          name="configuration"
          catalog={catalog}
          product={start?.product ?? 'business'}
          configuration={start}
          oncpq-load={show}
          oncpq-configuration-change={show}
        />
        <p className="live" id="live" aria-live="polite">
          {state && summary(state)}
        </p>
        <button type="submit">Request a quote</button>
      </form>
      {submitted && (
        <section>
          <h2>Submitted</h2>
          <pre id="submitted">{JSON.stringify(submitted, null, 2)}</pre>
        </section>
      )}
    </main>
  );
}

/** The configuration in one line: the choices made, the grand total, whether it can be ordered. */
function summary({ configuration, price, complete }: CpqConfigurationChangeDetail): string {
  const choices = Object.keys(configuration.selections).length;
  const { amount, currency } = price?.totals.grandTotal ?? {};
  // The amount is decimal text ("1234.50"): Intl formats it exactly, without a float on the way.
  const total = amount && currency ? new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount as `${number}`) : 'price on request';
  return `${choices} ${choices === 1 ? 'choice' : 'choices'} made · grand total ${total} · ${complete ? 'ready to order' : 'choices open'}`;
}
