// The product picture that follows the configuration (issue #17): the catalog's base
// image with the chosen options' layers, in <product-configurator>, in Chromium.
import { expect, fixture, html } from '@open-wc/testing';
import { createQuote, loadCatalog, loadConfiguration, localize, pictureLayers, price } from '@cpq-kit/engine';
import avRoomsJson from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../../../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import '../src/define/product-configurator.js';
import '../src/define/product-sheet.js';
import '../src/define/quote-summary.js';
import type { ProductConfigurator, ProductSheet, QuoteSummary } from '../src/index.js';
import { xssCatalog, XSS } from './fixtures.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { loaded, part, parts, text } from './helpers.js';

const av = loadCatalog(avRoomsJson);
const IMAGES = '/examples/catalogs/images/meeting-room/';

async function configurator(lang = 'en', catalog = av, product = 'meeting-room', configuration?: unknown, width = '1000px'): Promise<ProductConfigurator> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${`width: ${width}`}><product-configurator .catalog=${catalog} .configuration=${configuration} product=${product} lang=${lang} price-date="2026-11-20"></product-configurator></div>`,
  );
  const el = wrapper.querySelector('product-configurator')!;
  await loaded(el);
  return el;
}

/** Clicks the option card whose name reads `name`, as a buyer does. */
async function pick(el: ProductConfigurator, name: string): Promise<void> {
  const card = parts(el, 'option').find((o) => text(o.querySelector('[part~="option-name"]')) === name);
  if (!card) throw new Error(`no option "${name}"`);
  card.querySelector('input')!.click();
  await el.updateComplete;
}

const base = (el: ProductConfigurator) => part(el, 'picture-base') as HTMLImageElement;
const layers = (el: ProductConfigurator) => (parts(el, 'picture-layer') as HTMLImageElement[]).map((img) => img.getAttribute('src')!.replace(IMAGES, ''));

describe('<product-configurator>: the picture follows the configuration', () => {
  it('draws a configuration’s layers over the room, bottom first, named in one alternative text', async () => {
    const el = await configurator('en', av, 'meeting-room', loadConfiguration(avRoomsConfigJson, av));
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}room.svg`);
    expect(layers(el)).to.deep.equal([
      'floor-stand.svg',
      'display-86.svg',
      'camera-ptz.svg',
      'table-mics.svg',
      'ceiling-mics.svg',
      'ceiling-speakers.svg',
      'control-panel.svg',
      'wireless-presentation.svg',
    ]);
    expect(base(el).alt).to.equal(
      'Meeting room system, Front view, Floor stand, 86-inch 4K display, PTZ camera with 12× zoom, Table microphones, Ceiling microphone arrays, Ceiling speakers, Touch control panel, Wireless presentation',
    );
    for (const img of [base(el), ...(parts(el, 'picture-layer') as HTMLImageElement[])]) {
      expect([img.loading, img.decoding, img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['lazy', 'async', '640', '400']);
      if (img !== base(el)) expect(img.alt, 'layers are decorative: the base names them').to.equal('');
    }
    expect(parts(el, 'image'), 'the picture replaces the static image').to.have.length(0);
  });

  it('starts with the catalog’s defaults, and changes as the buyer chooses the floor stand, the 98" display and a control panel', async () => {
    const el = await configurator();
    expect(layers(el), 'the defaults, as the quantities show them').to.deep.equal(['wall-mount.svg', 'display-65.svg', 'camera-usb.svg', 'table-mics.svg', 'ceiling-speakers.svg']);
    expect(base(el).alt).to.equal('Meeting room system, Front view, Wall mount, 65-inch 4K display, 4K USB camera, Table microphones, Ceiling speakers');
    await pick(el, 'Floor stand');
    await pick(el, '98-inch 4K display');
    parts(el, 'attribute').find((a) => text(a).includes('Touch control panel'))!.querySelector('input')!.click();
    await el.updateComplete;
    const chosen = ['floor-stand.svg', 'display-98.svg', 'camera-usb.svg', 'table-mics.svg', 'ceiling-speakers.svg', 'control-panel.svg'];
    expect(layers(el)).to.deep.equal(chosen);
    expect(base(el).alt).to.equal('Meeting room system, Front view, Floor stand, 98-inch 4K display, 4K USB camera, Table microphones, Ceiling speakers, Touch control panel');
    // What the picture drew for the open choices is what completing with defaults chooses.
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Complete with defaults')!.click();
    await el.updateComplete;
    expect(layers(el)).to.deep.equal(chosen);
    expect(layers(el)).to.deep.equal(
      pictureLayers(av.products.find((p) => p.id === 'meeting-room')!, el.value!.selections).map((l) => l.image.replace(IMAGES, '')),
      'the engine’s layers of the configuration, as the sheet and the summary get them',
    );
  });

  it('names the options in the reader’s language', async () => {
    const el = await configurator('de');
    await pick(el, 'Bodenständer');
    await pick(el, '98-Zoll-4K-Display');
    expect(base(el).alt).to.equal('Konferenzraumsystem, Vorderansicht, Bodenständer, 98-Zoll-4K-Display, 4K-USB-Kamera, Tischmikrofone, Deckenlautsprecher');
  });

  it('is sized before any image loads: no layout shift', async () => {
    const el = await configurator();
    const box = part(el, 'picture');
    const before = box.getBoundingClientRect();
    expect(before.height).to.be.closeTo((before.width * 400) / 640, 1);
    await Promise.all([base(el), ...(parts(el, 'picture-layer') as HTMLImageElement[])].map((img) => img.decode().catch(() => undefined)));
    const after = box.getBoundingClientRect();
    expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
    // Choosing a mount and a display keeps the box.
    await pick(el, 'Floor stand');
    await pick(el, '98-inch 4K display');
    expect(part(el, 'picture').getBoundingClientRect().height).to.equal(before.height);
  });

  it('fits a phone: as wide as the element, never wider', async () => {
    const el = await configurator('en', av, 'meeting-room', undefined, '358px');
    const box = part(el, 'picture').getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(box.left).to.be.at.least(host.left);
    expect(box.right).to.be.at.most(host.right + 0.5);
    expect(box.height).to.be.closeTo((box.width * 400) / 640, 1);
  });

  it('renders catalog text as text in the alternative text', async () => {
    const raw = JSON.parse(JSON.stringify(xssCatalog()));
    const product = raw.products[0];
    product.attributes[0].options[0].name = XSS.script;
    product.picture = { image: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E', width: 4, height: 3 };
    for (const attribute of product.attributes) for (const option of attribute.options ?? []) option.layers = [{ image: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E', z: 1 }];
    const el = await configurator('en', loadCatalog(raw), product.id);
    await pick(el, XSS.script);
    expect(base(el).alt).to.equal(`${XSS.img}, ${XSS.script}`);
    expect(el.shadowRoot!.querySelectorAll('script, [onerror], svg').length).to.equal(0);
    expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
  });

  it('is accessible (axe), light and dark, after changes', async () => {
    const el = await configurator();
    await pick(el, 'Floor stand');
    await pick(el, '98-inch 4K display');
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('the picture’s views: the front and the floor plan', () => {
  const radios = (el: Element) => parts(el, 'picture-view').map((label) => [text(label), label.querySelector('input')!.checked]);
  const view = (el: Element, name: string) => parts(el, 'picture-view').find((label) => text(label) === name)!.querySelector('input')!;

  it('offers the catalog’s views as radios named “View”; the floor plan draws the plan’s base and layers, and follows later choices', async () => {
    const el = await configurator();
    const group = part(el, 'picture-views');
    expect(group.localName).to.equal('fieldset');
    expect(text(group.querySelector('legend'))).to.equal('View');
    expect(radios(el)).to.deep.equal([
      ['Front view', true],
      ['Floor plan', false],
    ]);
    const front = layers(el);
    view(el, 'Floor plan').click();
    await el.updateComplete;
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}plan/room.svg`);
    expect(layers(el)).to.deep.equal(front.map((image) => `plan/${image}`), 'the same choices, drawn from above');
    expect(base(el).alt).to.equal('Meeting room system, Floor plan, Wall mount, 65-inch 4K display, 4K USB camera, Table microphones, Ceiling speakers');
    await pick(el, '98-inch 4K display');
    expect(layers(el)).to.include('plan/display-98.svg');
    expect(radios(el).map(([, checked]) => checked), 'the view stays as the buyer chooses').to.deep.equal([false, true]);
    expect(el.value!.selections, 'a view is no choice: the configuration does not hold it').to.not.have.property('view');
  });

  it('opens at the view a page names (`picture-view`), and at the first for an unknown one', async () => {
    const el = await configurator();
    el.setAttribute('picture-view', 'plan');
    await el.updateComplete;
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}plan/room.svg`);
    expect(radios(el).map(([, checked]) => checked)).to.deep.equal([false, true]);
    view(el, 'Front view').click();
    await el.updateComplete;
    expect(el.pictureView, 'the buyer’s turn shows in the property').to.equal('front');
    // The page turns it after the buyer did: the radios follow every time.
    for (const [id, checked] of [['plan', [false, true]], ['front', [true, false]], ['plan', [false, true]]] as const) {
      el.pictureView = id;
      await el.updateComplete;
      expect(radios(el).map(([, on]) => on), id).to.deep.equal(checked);
    }
    el.pictureView = 'side';
    await el.updateComplete;
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}room.svg`);
    expect(radios(el).map(([, on]) => on)).to.deep.equal([true, false]);
  });

  it('tells the view shown by more than colour in a contrast theme (forced colours)', async () => {
    const el = await configurator();
    // What the eye gets: the text's colour on the first background that is not transparent.
    const backdrop = (node: Element): string => {
      const color = getComputedStyle(node).backgroundColor;
      return !/, 0\)$/.test(color) || !node.parentElement ? color : backdrop(node.parentElement);
    };
    const look = () => parts(el, 'picture-view').map((label) => `${getComputedStyle(label).color} on ${backdrop(label)}`);
    await executeServerCommand('cpq-forced-colors', 'active');
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const [front, plan] = look();
      expect(front, 'the view shown looks unlike the other').to.not.equal(plan);
    } finally {
      await executeServerCommand('cpq-forced-colors', 'none');
    }
  });

  it('turns with the arrow keys: one tab stop, as radios do', async () => {
    const el = await configurator();
    view(el, 'Front view').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}plan/room.svg`);
    expect(el.shadowRoot!.activeElement).to.equal(view(el, 'Floor plan'));
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(base(el).getAttribute('src')).to.equal(`${IMAGES}room.svg`);
  });

  it('speaks the reader’s language, sits inside the picture on a phone, and is accessible light and dark', async () => {
    const el = await configurator('de', av, 'meeting-room', undefined, '358px');
    expect(text(part(el, 'picture-views').querySelector('legend'))).to.equal('Ansicht');
    expect(radios(el).map(([name]) => name)).to.deep.equal(['Vorderansicht', 'Grundriss']);
    const picture = part(el, 'picture').getBoundingClientRect();
    const group = part(el, 'picture-views').getBoundingClientRect();
    expect(group.left >= picture.left && group.right <= picture.right && group.top >= picture.top && group.bottom <= picture.bottom, 'inside the picture').to.equal(true);
    // A page's small picture (`--cpq-picture-width`): the views wrap to a second row, none is cut off.
    el.style.setProperty('--cpq-picture-width', '9rem');
    await el.updateComplete;
    const small = part(el, 'picture').getBoundingClientRect();
    for (const label of parts(el, 'picture-view')) {
      const box = label.getBoundingClientRect();
      expect(box.left >= small.left && box.right <= small.right && box.bottom <= small.bottom, `${text(label)} inside the ${small.width}px picture`).to.equal(true);
    }
    el.style.removeProperty('--cpq-picture-width');
    view(el, 'Grundriss').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('the product sheet offers them too; the quote summary shows the first view, without a picker', async () => {
    const sheet = await fixture<ProductSheet>(html`<product-sheet .catalog=${av} product="meeting-room" lang="fr" style="display: block; width: 800px"></product-sheet>`);
    expect(radios(sheet)).to.deep.equal([
      ['Vue de face', true],
      ['Plan', false],
    ]);
    view(sheet, 'Plan').click();
    await sheet.updateComplete;
    expect((part(sheet, 'picture-base') as HTMLImageElement).getAttribute('src')).to.equal(`${IMAGES}plan/room.svg`);
    expect((parts(sheet, 'picture-layer') as HTMLImageElement[]).every((img) => img.getAttribute('src')!.startsWith(`${IMAGES}plan/`))).to.equal(true);
    await expect(sheet).to.be.accessible();

    const room = loadConfiguration(avRoomsConfigJson, av);
    const summary = await fixture<QuoteSummary>(html`<quote-summary .breakdown=${price(av, room, { date: '2026-11-20' })} .configuration=${room} .catalog=${av}></quote-summary>`);
    expect((part(summary, 'picture-base') as HTMLImageElement).getAttribute('src')).to.equal(`${IMAGES}room.svg`);
    expect(parts(summary, 'picture-views')).to.have.length(0);
  });

  it('shows no picker for a picture of one view', async () => {
    const raw = JSON.parse(JSON.stringify(avRoomsJson));
    const product = raw.products.find((p: { id: string }) => p.id === 'meeting-room');
    product.picture = { image: product.picture.views[0].image, width: 640, height: 400 };
    for (const attribute of product.attributes) {
      for (const holder of [attribute, ...(attribute.options ?? [])]) if (holder.layers) holder.layers = holder.layers.filter((l: { view: string }) => l.view === 'front').map(({ view: _, ...l }: { view: string }) => l);
    }
    const el = await configurator('en', loadCatalog(raw));
    expect(parts(el, 'picture-views')).to.have.length(0);
    expect(base(el).alt).to.equal('Meeting room system, Wall mount, 65-inch 4K display, 4K USB camera, Table microphones, Ceiling speakers');
  });
});

describe('<product-sheet>: the picture with the catalog’s defaults', () => {
  it('draws the default options’ layers, named in the reader’s language, sized before loading', async () => {
    const el = await fixture<HTMLElement>(html`<product-sheet .catalog=${av} product="meeting-room" lang="fr" style="display: block; width: 800px"></product-sheet>`);
    const img = part(el, 'picture-base') as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal(`${IMAGES}room.svg`);
    expect((parts(el, 'picture-layer') as HTMLImageElement[]).map((i) => i.getAttribute('src')!.replace(IMAGES, ''))).to.deep.equal([
      'wall-mount.svg',
      'display-65.svg',
      'camera-usb.svg',
      'table-mics.svg',
      'ceiling-speakers.svg',
    ]);
    expect(img.alt).to.equal('Système pour salles de réunion, Vue de face, Support mural, Écran 4K de 65\u00a0pouces, Caméra USB 4K, Microphones de table, Haut-parleurs de plafond');
    const box = part(el, 'picture').getBoundingClientRect();
    expect(box.height).to.be.closeTo((box.width * 400) / 640, 1);
    await expect(el).to.be.accessible();
  });
});

describe('<quote-summary>: the pictures of what was configured', () => {
  const product = av.products.find((p) => p.id === 'meeting-room')!;
  const imagesOf = (el: Element, at: Element = el) => [...(at.shadowRoot ?? at).querySelectorAll<HTMLImageElement>('[part~="picture-base"], [part~="picture-layer"]')].map((i) => i.getAttribute('src')!.replace(IMAGES, ''));

  it('draws a price’s configuration with its layers, named in the reader’s language; none without the catalog', async () => {
    const room = loadConfiguration(avRoomsConfigJson, av);
    const breakdown = price(av, room, { date: '2026-11-20' });
    const el = await fixture<QuoteSummary>(html`<quote-summary .breakdown=${breakdown} .configuration=${room} .catalog=${av} lang="de"></quote-summary>`);
    const drawn = pictureLayers(product, room.selections);
    expect(imagesOf(el)).to.deep.equal(['room.svg', ...drawn.map((l) => l.image.replace(IMAGES, ''))]);
    const img = part(el, 'picture-base') as HTMLImageElement;
    expect(img.alt).to.equal([...new Set([product.name, ...drawn.map((l) => l.name)].map((n) => localize(n, 'de', 'en')))].join(', '));
    expect([img.width, img.height], 'sized before it loads').to.deep.equal([(part(el, 'picture') as HTMLElement).clientWidth, Math.round(((part(el, 'picture') as HTMLElement).clientWidth * 400) / 640)]);
    expect(parts(el, 'item-picture')[0]!.querySelector('figcaption'), 'one item: the heading names it').to.equal(null);
    await expect(el).to.be.accessible();

    el.catalog = undefined;
    await el.updateComplete;
    expect(parts(el, 'pictures'), 'no catalog, no picture').to.have.length(0);
  });

  it('follows the bound configurator’s choices: what it prices (the configurator draws its open choices’ defaults too)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <product-configurator id="room" .catalog=${av} product="meeting-room" price-date="2026-11-20"></product-configurator>
      <quote-summary for="room"></quote-summary>
    </div>`);
    const configurator = wrapper.querySelector('product-configurator')!;
    const el = wrapper.querySelector<QuoteSummary>('quote-summary')!;
    await loaded(configurator);
    await el.updateComplete;
    const priced = () => ['room.svg', ...pictureLayers(product, configurator.value!.selections).map((l) => l.image.replace(IMAGES, ''))];
    expect(imagesOf(el)).to.deep.equal(priced());
    await pick(configurator, 'Floor stand');
    await el.updateComplete;
    expect(imagesOf(el)).to.include('floor-stand.svg');
    expect(imagesOf(el)).to.deep.equal(priced());
  });

  it('a quote of several items: a picture per item, each named', async () => {
    const room = loadConfiguration(avRoomsConfigJson, av);
    const small = { ...room, selections: { ...room.selections, display: 'd75' } };
    const quote = await createQuote({
      catalog: av,
      items: [
        { id: 'a', configuration: room },
        { id: 'b', configuration: small },
      ],
      context: { date: '2026-11-20' },
      validUntil: '2026-12-20',
      now: '2026-11-20T09:00:00Z',
    });
    const el = await fixture<QuoteSummary>(html`<quote-summary .quote=${quote} .catalog=${av}></quote-summary>`);
    const figures = parts(el, 'item-picture');
    expect(figures).to.have.length(2);
    expect(figures.map((f) => text(f.querySelector('figcaption')))).to.deep.equal([localize(product.name, 'en', 'en'), localize(product.name, 'en', 'en')]);
    expect(imagesOf(el, figures[0]!)).to.include('display-86.svg');
    expect(imagesOf(el, figures[1]!)).to.include('display-75.svg');
    await expect(el).to.be.accessible();
  });
});
