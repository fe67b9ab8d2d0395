// The demo pages' own words (navigation, hero, quote panel, messages) in each language the
// language picker offers; the catalogs and the cpq-kit elements bring their own.
// In the HTML, `data-text="key"` names the text of an element, `data-text-placeholder` and
// `data-text-aria-label` those attributes; the HTML holds the English text, for a page without script.
const NB = '\u00a0'; // a no-break space: French puts one before : ; ? ! and inside « ».

export const texts = {
  en: {
    'title.reseller': 'Northwind Meeting Spaces: conference room systems',
    'title.compare': 'Northwind Meeting Spaces: compare collaboration plans',
    'nav.main': 'Main',
    'nav.rooms': 'Room systems',
    'nav.software': 'Collaboration software',
    'nav.compare': 'Compare plans',
    'nav.quote': 'Quote',
    'nav.contact': 'Contact',
    language: 'Language',
    loading: 'Loading the catalog…',
    loadFailed: (reason) => `The catalog could not be loaded: ${reason}`,
    'hero.title': 'Meeting rooms that just work',
    'hero.text': 'Certified installer and reseller for conference-room audio and video. Configure a room system with live prices, share it with a colleague, and ask for a signed quote or an engineer when you are ready.',
    'rooms.system': 'System',
    'rooms.repView': 'Sales view: price guidance from past deals (for Northwind staff)',
    'software.package': 'Package',
    'software.finder': 'Not sure which package? Answer five questions',
    'quote.title': 'Request a quote',
    'quote.intro': 'Ask for a quote from the configurator above (“Request a quote”): the vendor prices your configuration again on its server and signs the quote. “Copy share link” gives a link that opens the same configuration, for you, a colleague or one of our engineers.',
    'quote.quantity': 'Rooms of this kind',
    'quote.link': 'Share link',
    'quote.linkPlaceholder': 'Use “Copy share link” in the configurator',
    'quote.result': 'Your quote',
    'quote.check': 'Check it with the vendor',
    'quote.asking': 'Asking the vendor for a signed quote…',
    'quote.failed': (error, problems) => `The quote could not be made (${error}). ${problems}`,
    'quote.noAnswer': (reason) => `The quote service did not answer: ${reason}`,
    'quote.number': 'Quote',
    'quote.numberValue': (number, version) => `${number}, version ${version}`,
    'quote.validUntil': 'Valid until',
    'quote.rooms': 'Rooms',
    'quote.oneTime': 'One-time, net',
    'quote.perMonth': 'Per month, net',
    'quote.perYear': 'Per year, net',
    'quote.tax': (percent) => `Tax ${percent} %`,
    'quote.total': 'Total over the term',
    'quote.signed': 'Signed',
    'quote.key': (kid) => `key ${kid}`,
    'quote.confirmed': 'The vendor confirms this quote: signature, validity and every amount check out.',
    'quote.notConfirmed': (reasons) => `Not confirmed: ${reasons}`,
    'handoff.engineer': 'One of our AV engineers',
    'handoff.specialist': 'One of our software specialists',
    'handoff.sales': 'Our sales team',
    // `who` is one of the handoff.* keys above.
    'handoff.message': (who, choices, complete, conflicts, link) =>
      `${texts.en[who]} will call you about this configuration (${choices} choices, ${complete ? 'complete' : 'not complete yet'}).` +
      `${conflicts ? ` They will see the ${conflicts} conflict(s) you resolved.` : ''} Nothing to repeat: they get the link ${link}.`,
    'contact.rooms': 'Talk to an AV engineer',
    'contact.roomsText': 'We plan, install and support your rooms. Mon–Fri 8:00–18:00, +49 30 1234 5678, rooms@northwind.example.',
    'contact.software': 'Talk to us',
    'contact.softwareText': 'Choose a plan above and we prepare your quote. Mon–Fri 8:00–18:00, +49 30 1234 5678, software@northwind.example.',
    'footer.catalogs': 'Demo page for cpq-kit. Catalogs:',
    'footer.catalog': 'Demo page for cpq-kit. Catalog:',
    'footer.prices': 'Prices are the demo price list of 20 November 2026, net of VAT.',
    'compare.hero': 'Which plan fits your team?',
    'compare.heroText': 'Starter, Business and Enterprise side by side: what each includes, what it costs per month, and the total over the term you plan for. Tell us your current plan to see what changes.',
    'compare.title': 'Collaboration plans',
    'compare.current': 'Your current plan',
    'compare.none': 'None yet',
    'compare.chosen': (name, users) => `You chose ${name} for ${users} users. We will prepare your quote.`,
  },
  de: {
    'title.reseller': 'Northwind Meeting Spaces: Konferenzraumsysteme',
    'title.compare': 'Northwind Meeting Spaces: Collaboration-Pakete vergleichen',
    'nav.main': 'Hauptnavigation',
    'nav.rooms': 'Raumsysteme',
    'nav.software': 'Collaboration-Software',
    'nav.compare': 'Pakete vergleichen',
    'nav.quote': 'Angebot',
    'nav.contact': 'Kontakt',
    language: 'Sprache',
    loading: 'Katalog wird geladen …',
    loadFailed: (reason) => `Der Katalog konnte nicht geladen werden: ${reason}`,
    'hero.title': 'Besprechungsräume, die einfach funktionieren',
    'hero.text': 'Zertifizierter Installateur und Fachhändler für Audio- und Videotechnik in Konferenzräumen. Stellen Sie ein Raumsystem mit aktuellen Preisen zusammen, teilen Sie es mit Kollegen und fordern Sie ein signiertes Angebot oder einen Techniker an, wenn Sie so weit sind.',
    'rooms.system': 'System',
    'rooms.repView': 'Vertriebsansicht: Preisorientierung aus früheren Abschlüssen (für Northwind-Mitarbeitende)',
    'software.package': 'Paket',
    'software.finder': 'Unsicher, welches Paket? Beantworten Sie fünf Fragen',
    'quote.title': 'Angebot anfordern',
    'quote.intro': 'Fordern Sie im Konfigurator oben ein Angebot an („Angebot anfordern“): Der Anbieter berechnet Ihre Konfiguration auf seinem Server neu und signiert das Angebot. „Link zum Teilen kopieren“ erzeugt einen Link, der dieselbe Konfiguration öffnet – für Sie, für Kollegen oder für einen unserer Techniker.',
    'quote.quantity': 'Räume dieser Art',
    'quote.link': 'Link zum Teilen',
    'quote.linkPlaceholder': '„Link zum Teilen kopieren“ im Konfigurator verwenden',
    'quote.result': 'Ihr Angebot',
    'quote.check': 'Beim Anbieter prüfen',
    'quote.asking': 'Signiertes Angebot wird beim Anbieter angefordert …',
    'quote.failed': (error, problems) => `Das Angebot konnte nicht erstellt werden (${error}). ${problems}`,
    'quote.noAnswer': (reason) => `Der Angebotsdienst hat nicht geantwortet: ${reason}`,
    'quote.number': 'Angebot',
    'quote.numberValue': (number, version) => `${number}, Version ${version}`,
    'quote.validUntil': 'Gültig bis',
    'quote.rooms': 'Räume',
    'quote.oneTime': 'Einmalig, netto',
    'quote.perMonth': 'Pro Monat, netto',
    'quote.perYear': 'Pro Jahr, netto',
    'quote.tax': (percent) => `Steuer ${percent}${NB}%`,
    'quote.total': 'Summe über die Laufzeit',
    'quote.signed': 'Signiert',
    'quote.key': (kid) => `Schlüssel ${kid}`,
    'quote.confirmed': 'Der Anbieter bestätigt dieses Angebot: Signatur, Gültigkeit und alle Beträge stimmen.',
    'quote.notConfirmed': (reasons) => `Nicht bestätigt: ${reasons}`,
    'handoff.engineer': 'Einer unserer AV-Techniker',
    'handoff.specialist': 'Einer unserer Software-Spezialisten',
    'handoff.sales': 'Unser Vertriebsteam',
    'handoff.message': (who, choices, complete, conflicts, link) =>
      `${texts.de[who]} ruft Sie zu dieser Konfiguration an (${choices} Angaben, ${complete ? 'vollständig' : 'noch nicht vollständig'}).` +
      `${conflicts ? ` Die von Ihnen gelösten Konflikte (${conflicts}) werden mit übermittelt.` : ''} Sie müssen nichts wiederholen: Der Link ${link} wird mitgeschickt.`,
    'contact.rooms': 'Sprechen Sie mit einem AV-Techniker',
    'contact.roomsText': 'Wir planen, installieren und betreuen Ihre Räume. Mo–Fr 8:00–18:00 Uhr, +49 30 1234 5678, rooms@northwind.example.',
    'contact.software': 'Sprechen Sie mit uns',
    'contact.softwareText': 'Wählen Sie oben ein Paket, und wir bereiten Ihr Angebot vor. Mo–Fr 8:00–18:00 Uhr, +49 30 1234 5678, software@northwind.example.',
    'footer.catalogs': 'Demoseite für cpq-kit. Kataloge:',
    'footer.catalog': 'Demoseite für cpq-kit. Katalog:',
    'footer.prices': 'Preise laut Demo-Preisliste vom 20. November 2026, ohne MwSt.',
    'compare.hero': 'Welches Paket passt zu Ihrem Team?',
    'compare.heroText': 'Starter, Business und Enterprise im Vergleich: was jedes Paket enthält, was es pro Monat kostet und was es über die geplante Laufzeit kostet. Nennen Sie uns Ihr aktuelles Paket, um zu sehen, was sich ändert.',
    'compare.title': 'Collaboration-Pakete',
    'compare.current': 'Ihr aktuelles Paket',
    'compare.none': 'Noch keines',
    'compare.chosen': (name, users) => `Sie haben ${name} für ${users} Benutzer gewählt. Wir bereiten Ihr Angebot vor.`,
  },
  fr: {
    'title.reseller': `Northwind Meeting Spaces${NB}: systèmes pour salles de réunion`,
    'title.compare': `Northwind Meeting Spaces${NB}: comparer les offres collaboratives`,
    'nav.main': 'Navigation principale',
    'nav.rooms': 'Systèmes pour salles',
    'nav.software': 'Logiciels collaboratifs',
    'nav.compare': 'Comparer les offres',
    'nav.quote': 'Devis',
    'nav.contact': 'Contact',
    language: 'Langue',
    loading: 'Chargement du catalogue…',
    loadFailed: (reason) => `Le catalogue n’a pas pu être chargé${NB}: ${reason}`,
    'hero.title': 'Des salles de réunion qui fonctionnent, tout simplement',
    'hero.text': 'Installateur et revendeur certifié de solutions audio et vidéo pour salles de réunion. Configurez un système avec les prix en direct, partagez-le avec un collègue, puis demandez un devis signé ou l’appel d’un technicien quand vous êtes prêt.',
    'rooms.system': 'Système',
    'rooms.repView': `Vue commerciale${NB}: repères de prix tirés des affaires passées (pour l’équipe Northwind)`,
    'software.package': 'Offre',
    'software.finder': `Vous hésitez entre les offres${NB}? Répondez à cinq questions`,
    'quote.title': 'Demander un devis',
    'quote.intro': `Demandez un devis depuis le configurateur ci-dessus («${NB}Demander un devis${NB}»)${NB}: le fournisseur recalcule le prix de votre configuration sur son serveur et signe le devis. «${NB}Copier le lien de partage${NB}» donne un lien qui ouvre la même configuration, pour vous, un collègue ou l’un de nos techniciens.`,
    'quote.quantity': 'Salles de ce type',
    'quote.link': 'Lien de partage',
    'quote.linkPlaceholder': `Utilisez «${NB}Copier le lien de partage${NB}» dans le configurateur`,
    'quote.result': 'Votre devis',
    'quote.check': 'Le faire vérifier par le fournisseur',
    'quote.asking': 'Demande d’un devis signé au fournisseur…',
    'quote.failed': (error, problems) => `Le devis n’a pas pu être établi (${error}). ${problems}`,
    'quote.noAnswer': (reason) => `Le service de devis n’a pas répondu${NB}: ${reason}`,
    'quote.number': 'Devis',
    'quote.numberValue': (number, version) => `${number}, version ${version}`,
    'quote.validUntil': 'Valable jusqu’au',
    'quote.rooms': 'Salles',
    'quote.oneTime': 'Paiement unique, HT',
    'quote.perMonth': 'Par mois, HT',
    'quote.perYear': 'Par an, HT',
    'quote.tax': (percent) => `TVA ${percent}${NB}%`,
    'quote.total': 'Total sur la durée du contrat',
    'quote.signed': 'Signé',
    'quote.key': (kid) => `clé ${kid}`,
    'quote.confirmed': `Le fournisseur confirme ce devis${NB}: la signature, la validité et chaque montant sont corrects.`,
    'quote.notConfirmed': (reasons) => `Non confirmé${NB}: ${reasons}`,
    'handoff.engineer': 'L’un de nos techniciens audiovisuels',
    'handoff.specialist': 'L’un de nos spécialistes logiciels',
    'handoff.sales': 'Notre équipe commerciale',
    'handoff.message': (who, choices, complete, conflicts, link) =>
      `${texts.fr[who]} vous appellera au sujet de cette configuration (${choices}${NB}choix, ${complete ? 'complète' : 'pas encore complète'}).` +
      `${conflicts ? ` Les conflits que vous avez résolus lui sont aussi indiqués (${conflicts}).` : ''} Rien à répéter${NB}: le lien ${link} lui est transmis.`,
    'contact.rooms': 'Parlez à un technicien audiovisuel',
    'contact.roomsText': 'Nous concevons, installons et assurons le suivi de vos salles. Du lundi au vendredi de 8 h à 18 h, +49 30 1234 5678, rooms@northwind.example.',
    'contact.software': 'Parlez-nous',
    'contact.softwareText': 'Choisissez une offre ci-dessus et nous préparons votre devis. Du lundi au vendredi de 8 h à 18 h, +49 30 1234 5678, software@northwind.example.',
    'footer.catalogs': `Page de démonstration de cpq-kit. Catalogues${NB}:`,
    'footer.catalog': `Page de démonstration de cpq-kit. Catalogue${NB}:`,
    'footer.prices': 'Prix de la liste de démonstration du 20 novembre 2026, hors TVA.',
    'compare.hero': `Quelle offre convient à votre équipe${NB}?`,
    'compare.heroText': `Starter, Business et Enterprise côte à côte${NB}: ce que chaque offre comprend, son prix par mois et le total sur la durée prévue. Indiquez votre offre actuelle pour voir ce qui change.`,
    'compare.title': 'Offres collaboratives',
    'compare.current': 'Votre offre actuelle',
    'compare.none': 'Aucune pour l’instant',
    'compare.chosen': (name, users) => `Vous avez choisi ${name} pour ${users}${NB}utilisateurs. Nous préparons votre devis.`,
  },
};

/** The page's language: the `lang` of the document, if the page has texts for it, else English. */
export function pageLanguage() {
  const lang = document.documentElement.lang;
  return Object.hasOwn(texts, lang) ? lang : 'en';
}

/** The text `key` in the page's language (a function's text is called with `args`). */
export function t(key, ...args) {
  const text = texts[pageLanguage()][key] ?? texts.en[key];
  return typeof text === 'function' ? text(...args) : text;
}

/** Writes the page's own texts in the page's language. */
export function translatePage() {
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll('[data-text-placeholder]')) el.placeholder = t(el.dataset.textPlaceholder);
  for (const el of document.querySelectorAll('[data-text-aria-label]')) el.setAttribute('aria-label', t(el.dataset.textAriaLabel));
}

/**
 * Follows the language picker `select`: sets the document's `lang` (which the cpq-kit elements
 * follow too) and writes the page's texts in it. Starts with the picker's value, which the
 * browser may have kept from before a reload.
 */
export function followLanguage(select) {
  const apply = () => {
    document.documentElement.lang = select.value;
    translatePage();
  };
  select.addEventListener('change', apply);
  apply();
}

/** Calls `callback` when the document's `lang` changes: for the texts a page's script writes. */
export function onLanguageChange(callback) {
  new MutationObserver(callback).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
