import type { GuidanceCellNames } from '../packages/components/src/index.js';

/** What a page calls the deals' segments, regions and product families (from its CRM, say): the guidance has only ids. */
export const cellNames: GuidanceCellNames = {
  segment: {
    smb: { en: 'Small business', de: 'Kleinunternehmen', fr: 'Petites entreprises' },
    'mid-market': { en: 'Mid-market', de: 'Mittelstand', fr: 'Entreprises de taille intermédiaire' },
    enterprise: { en: 'Enterprise', de: 'Großunternehmen', fr: 'Grandes entreprises' },
  },
  region: {
    emea: { en: 'Europe, Middle East and Africa', de: 'Europa, Naher Osten und Afrika', fr: 'Europe, Moyen-Orient et Afrique' },
    amer: { en: 'Americas', de: 'Amerika', fr: 'Amériques' },
    apac: { en: 'Asia-Pacific', de: 'Asien-Pazifik', fr: 'Asie-Pacifique' },
  },
  family: {
    collaboration: { en: 'Collaboration software', de: 'Kollaborationssoftware', fr: 'Logiciels collaboratifs' },
    'av-rooms': { en: 'Meeting room AV systems', de: 'AV-Systeme für Besprechungsräume', fr: 'Systèmes audiovisuels pour salles de réunion' },
    support: { en: 'Support plans', de: 'Supportverträge', fr: 'Contrats de support' },
  },
};
