import { loadCatalog, type Catalog } from '@cpq-kit/engine';

/** A tiny inline SVG, so image tests need no network. */
const image = (colour: string): string =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="${colour}"/></svg>`)}`;

/**
 * A small catalog in English, German and French with every attribute kind,
 * sections, specs of every type, defaults and images. Loaded through the engine's
 * `loadCatalog`, so it is a catalog the engine accepts.
 */
export function roomCatalog(): Catalog {
  return loadCatalog({
    id: 'room-kit',
    version: '1.0.0',
    name: { en: 'Room kit', de: 'Raumsystem', fr: 'Kit de salle' },
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    locales: ['en', 'de', 'fr'],
    specs: {
      inputs: { name: { en: 'Audio inputs', de: 'Audioeingänge', fr: 'Entrées audio' }, type: 'number', better: 'higher' },
      inputsUsed: { name: { en: 'Inputs used', de: 'Belegte Eingänge', fr: 'Entrées utilisées' }, type: 'number' },
      power: { name: { en: 'Power draw', de: 'Leistungsaufnahme', fr: 'Consommation' }, type: 'number', unit: 'W', better: 'lower' },
      wireless: { name: { en: 'Wireless', de: 'Kabellos', fr: 'Sans fil' }, type: 'boolean' },
      warranty: {
        name: { en: 'Warranty', de: 'Garantie', fr: 'Garantie' },
        description: { en: 'Parts and labour', de: 'Teile und Arbeit', fr: 'Pièces et main-d’œuvre' },
        type: 'text',
      },
      uptime: { name: { en: 'Uptime', de: 'Verfügbarkeit', fr: 'Disponibilité' }, type: 'number', unit: '%' },
      view: { name: { en: 'Field of view', de: 'Bildwinkel', fr: 'Champ de vision' }, type: 'number', unit: '°' },
      depth: { name: { en: 'Depth', de: 'Tiefe', fr: 'Profondeur' }, type: 'number', unit: { en: 'in', de: 'Zoll', fr: 'po' } },
    },
    products: [
      {
        id: 'room',
        name: { en: 'Meeting room', de: 'Besprechungsraum', fr: 'Salle de réunion' },
        description: {
          en: 'Video conferencing for rooms of 4 to 12 people.',
          de: 'Videokonferenzen für Räume mit 4 bis 12 Personen.',
          fr: 'Visioconférence pour salles de 4 à 12 personnes.',
        },
        image: image('#0969da'),
        specs: {
          power: 1250.5,
          warranty: { en: '3 years', de: '3 Jahre', fr: '3 ans' },
          wireless: false,
          uptime: 99.9,
          view: 120,
          depth: 4.5,
        },
        sections: [
          { id: 'video', name: { en: 'Video', de: 'Video', fr: 'Vidéo' }, description: { en: 'What people see.', de: 'Was man sieht.', fr: 'Ce que l’on voit.' } },
          { id: 'audio', name: { en: 'Audio', de: 'Audio', fr: 'Audio' } },
          { id: 'unused', name: 'Unused section' },
        ],
        attributes: [
          {
            id: 'display',
            kind: 'single',
            section: 'video',
            name: { en: 'Display', de: 'Bildschirm', fr: 'Écran' },
            default: 'd65',
            options: [
              { id: 'd55', name: '55"', specs: { power: 110 } },
              { id: 'd65', name: '65"', description: { en: 'Most popular', de: 'Am beliebtesten', fr: 'Le plus populaire' }, specs: { power: 150 }, image: image('#1a7f37') },
              { id: 'd86', name: '86"', specs: { power: 300 } },
            ],
          },
          {
            id: 'mount',
            kind: 'single',
            section: 'video',
            required: false,
            name: { en: 'Mount', de: 'Halterung', fr: 'Support' },
            options: [
              { id: 'wall', name: { en: 'Wall', de: 'Wand', fr: 'Mural' } },
              { id: 'cart', name: { en: 'Cart', de: 'Rollwagen', fr: 'Chariot' } },
            ],
          },
          {
            id: 'extras',
            kind: 'multiple',
            name: { en: 'Extras', de: 'Extras', fr: 'Extras' },
            min: 0,
            max: 2,
            default: ['pen'],
            options: [
              { id: 'pen', name: { en: 'Pen', de: 'Stift', fr: 'Stylet' }, specs: { wireless: true } },
              { id: 'clicker', name: 'Clicker', specs: { wireless: false } },
              { id: 'hub', name: 'Hub' },
            ],
          },
          {
            id: 'dsp',
            kind: 'single',
            section: 'audio',
            name: { en: 'Audio processor', de: 'Audioprozessor', fr: 'Processeur audio' },
            options: [
              { id: 'small', name: 'Small', specs: { inputs: 4 } },
              { id: 'large', name: 'Large', specs: { inputs: 12 } },
            ],
          },
          {
            id: 'panel',
            kind: 'boolean',
            section: 'audio',
            name: { en: 'Control panel', de: 'Bedienfeld', fr: 'Panneau de commande' },
            default: true,
            specs: { power: 12 },
          },
          {
            id: 'mics',
            kind: 'quantity',
            section: 'audio',
            name: { en: 'Microphones', de: 'Mikrofone', fr: 'Microphones' },
            unit: { en: 'microphone', de: 'Mikrofon', fr: 'microphone' },
            min: 0,
            max: 8,
            step: 2,
            default: 2,
            specs: { inputsUsed: 1 },
          },
        ],
      },
      {
        id: 'team',
        name: { en: 'Team licence', de: 'Team-Lizenz', fr: 'Licence équipe' },
        description: { en: 'Software for one team.', de: 'Software für ein Team.', fr: 'Logiciel pour une équipe.' },
        attributes: [
          {
            id: 'seats',
            kind: 'quantity',
            name: { en: 'Seats', de: 'Plätze', fr: 'Places' },
            min: 5,
            max: 5000,
            specs: {},
          },
          {
            id: 'addons',
            kind: 'multiple',
            name: { en: 'Add-ons', de: 'Zusatzmodule', fr: 'Modules' },
            min: 1,
            options: [
              { id: 'sso', name: 'SSO' },
              { id: 'audit', name: { en: 'Audit log', de: 'Audit-Protokoll', fr: 'Journal d’audit' } },
            ],
          },
        ],
      },
    ],
  });
}

/** Markup that would run script if it were ever parsed as HTML. */
export const XSS = {
  img: '<img src=x onerror="window.__cpqXss = true">',
  script: '<script>window.__cpqXss = true</script>',
  svg: '"><svg onload="window.__cpqXss = true">',
} as const;

/** A valid catalog whose texts are all attempts at HTML injection. */
export function xssCatalog(): Catalog {
  return loadCatalog({
    id: 'xss',
    version: '1',
    name: XSS.img,
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    specs: { note: { name: XSS.svg, description: XSS.script, type: 'text', unit: XSS.img } },
    products: [
      {
        id: 'evil',
        name: XSS.img,
        description: XSS.script,
        specs: { note: XSS.script },
        sections: [{ id: 's', name: XSS.svg, description: XSS.img }],
        attributes: [
          {
            id: 'a',
            kind: 'single',
            section: 's',
            name: XSS.script,
            description: XSS.svg,
            options: [{ id: 'o', name: XSS.img, description: XSS.script, specs: { note: XSS.svg } }],
          },
          { id: 'q', kind: 'quantity', name: XSS.svg, max: 2, unit: XSS.img, specs: { note: XSS.img } },
        ],
      },
    ],
  });
}

/**
 * A small priced catalog for the configurator, in English, German and French: a single
 * choice with more options than fit as cards (a drop-down), cards, an optional choice
 * with a monthly price, a multiple choice, an add-on and a quantity, with rules that
 * exclude values (each with a message) and a recommendation. No tax region, so the
 * totals are the plain sums of the prices below.
 */
export function deskCatalog(): Catalog {
  const colour = (id: string, en: string, de: string, fr: string) => ({ id, name: { en, de, fr } });
  return loadCatalog({
    id: 'desk-kit',
    version: '2.0.0',
    name: { en: 'Desks', de: 'Schreibtische', fr: 'Bureaux' },
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    locales: ['en', 'de', 'fr'],
    products: [
      {
        id: 'desk',
        name: { en: 'Standing desk', de: 'Stehschreibtisch', fr: 'Bureau debout' },
        attributes: [
          {
            id: 'colour',
            kind: 'single',
            name: { en: 'Colour', de: 'Farbe', fr: 'Couleur' },
            options: [
              colour('white', 'White', 'Weiß', 'Blanc'),
              colour('black', 'Black', 'Schwarz', 'Noir'),
              colour('grey', 'Grey', 'Grau', 'Gris'),
              colour('oak', 'Oak', 'Eiche', 'Chêne'),
              colour('walnut', 'Walnut', 'Nussbaum', 'Noyer'),
              colour('red', 'Red', 'Rot', 'Rouge'),
              colour('blue', 'Blue', 'Blau', 'Bleu'),
              colour('green', 'Green', 'Grün', 'Vert'),
            ],
          },
          {
            id: 'top',
            kind: 'single',
            name: { en: 'Top', de: 'Platte', fr: 'Plateau' },
            options: [
              { id: 'small', name: '120 cm' },
              { id: 'large', name: '180 cm' },
            ],
          },
          {
            id: 'legs',
            kind: 'single',
            name: { en: 'Legs', de: 'Gestell', fr: 'Piètement' },
            options: [
              { id: 'fixed', name: { en: 'Fixed height', de: 'Feste Höhe', fr: 'Hauteur fixe' } },
              { id: 'electric', name: { en: 'Electric', de: 'Elektrisch', fr: 'Électrique' } },
            ],
          },
          { id: 'drawers', kind: 'quantity', name: { en: 'Drawers', de: 'Schubladen', fr: 'Tiroirs' }, min: 0, max: 4 },
          { id: 'monitor-arm', kind: 'boolean', name: { en: 'Monitor arm', de: 'Monitorarm', fr: 'Bras d’écran' } },
          {
            id: 'extras',
            kind: 'multiple',
            name: { en: 'Extras', de: 'Extras', fr: 'Extras' },
            max: 2,
            options: [
              { id: 'cable-tray', name: { en: 'Cable tray', de: 'Kabelwanne', fr: 'Goulotte' } },
              { id: 'footrest', name: { en: 'Footrest', de: 'Fußstütze', fr: 'Repose-pieds' } },
              { id: 'lamp', name: { en: 'Lamp', de: 'Lampe', fr: 'Lampe' } },
            ],
          },
          {
            id: 'care',
            kind: 'single',
            required: false,
            name: { en: 'Care plan', de: 'Pflegeplan', fr: 'Contrat d’entretien' },
            options: [
              { id: 'basic', name: 'Basic' },
              { id: 'plus', name: 'Plus' },
            ],
          },
        ],
        rules: [
          {
            id: 'walnut-large-only',
            kind: 'excludes',
            if: 'colour:walnut',
            then: 'top:small',
            message: { en: 'Walnut tops are made in 180 cm only.', de: 'Nussbaum-Platten gibt es nur mit 180 cm.', fr: 'Les plateaux en noyer existent en 180 cm seulement.' },
          },
          {
            id: 'arm-needs-electric',
            kind: 'requires',
            if: 'monitor-arm',
            then: 'legs:electric',
            message: { en: 'A monitor arm needs electric legs.', de: 'Ein Monitorarm braucht ein elektrisches Gestell.', fr: 'Un bras d’écran demande un piètement électrique.' },
          },
          { id: 'recommend-arm', kind: 'recommends', if: 'legs:electric', then: ['monitor-arm'] },
        ],
      },
    ],
    pricing: {
      books: [
        {
          id: 'list',
          currency: 'EUR',
          prices: {
            desk: { amount: '300.00' },
            'desk/colour:white': { amount: '0.00' },
            'desk/colour:black': { amount: '0.00' },
            'desk/colour:grey': { amount: '0.00' },
            'desk/colour:oak': { amount: '120.00' },
            'desk/colour:walnut': { amount: '250.00' },
            'desk/colour:red': { amount: '40.00' },
            'desk/colour:blue': { amount: '40.00' },
            'desk/colour:green': { amount: '40.00' },
            'desk/top:small': { amount: '100.00' },
            'desk/top:large': { amount: '180.00' },
            'desk/legs:fixed': { amount: '0.00' },
            'desk/legs:electric': { amount: '390.00' },
            'desk/drawers': { amount: '45.00' },
            'desk/monitor-arm': { amount: '89.00' },
            'desk/extras:cable-tray': { amount: '29.00' },
            'desk/extras:footrest': { amount: '59.00' },
            'desk/extras:lamp': { amount: '79.00' },
            'desk/care:basic': { amount: '4.90', recurring: 'month', term: 12 },
            'desk/care:plus': { amount: '9.90', recurring: 'month', term: 12 },
          },
        },
      ],
    },
  });
}
