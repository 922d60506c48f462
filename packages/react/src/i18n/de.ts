import type { EventType } from '@resale-kit/core';
import type {
  CreateOfferFormI18nStrings,
  DeactivateConfirmationI18nStrings,
  DialogI18nStrings,
  DurationLabel,
  OpportunityDetailsI18nStrings,
  OpportunityFiltersI18nStrings,
  OpportunityFormI18nStrings,
} from './components.js';
import type { DurationPickerMessages, StatusMessages } from './messages.js';
import { VALIDATION_MESSAGES_DE } from './validation.js';

/*
 * German for the dialogs and forms, complete: pass these as `i18nStrings` (and the
 * DurationPicker's as `messages`). Numbers and dates follow the components' `locale` prop.
 */

export const STATUS_MESSAGES_DE: StatusMessages = {
  active: 'Aktiv',
  expired: 'Abgelaufen',
  restricted: 'Eingeschränkt',
  complete: 'Abgeschlossen',
};

export const DURATION_PICKER_MESSAGES_DE: DurationPickerMessages = {
  legend: 'Laufzeit der Verkaufschance',
  description:
    'Wie lange die angegebenen Wiederverkäufer mit den angegebenen Rabatten Angebote erstellen dürfen',
  types: {
    'single-use': {
      label: 'Einmalig',
      description: 'Ein einziges Angebot pro angegebenem Produkt',
    },
    'specific-duration': {
      label: 'Bestimmte Laufzeit',
      description: 'Läuft nach dem unten angegebenen Datum ab',
    },
    'no-set-duration': {
      label: 'Unbefristet',
      description: 'Gilt, bis Sie die Verkaufschance deaktivieren',
    },
  },
  endDate: 'Enddatum',
  optional: 'optional',
  endDateHint: 'Die Verkaufschance endet am Ende dieses Tages (UTC).',
  issue: VALIDATION_MESSAGES_DE.issue,
};

const durationLabel: DurationLabel = (type, endDate) => {
  const label = DURATION_PICKER_MESSAGES_DE.types[type].label;
  return endDate ? `${label}, bis zum Ende des ${endDate} (UTC)` : label;
};

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const DIALOG_STRINGS_DE: DialogI18nStrings = { close: 'Dialog schließen' };

export const OPPORTUNITY_FORM_STRINGS_DE: OpportunityFormI18nStrings = {
  name: 'Name der Verkaufschance',
  description: 'Beschreibung',
  optional: 'optional',
  descriptionCount: (length, max) => `${length}/${max} Zeichen`,
  products: 'Produkte',
  productsHint: 'Pro Produkt und Wiederverkäufer wird eine Verkaufschance erstellt.',
  resellers: 'Wiederverkäufer',
  resellersHint: 'Die Vertriebspartner, die weiterverkaufen dürfen.',
  selected: (count) => `${count} ausgewählt`,
  selectAllProducts: 'Alle Produkte auswählen',
  selectAllResellers: 'Alle Wiederverkäufer auswählen',
  loadingItems: 'Wird geladen…',
  discount: 'Rabatt (%)',
  discountHint: 'Prozent vom Listenpreis: 0,01 bis 100, höchstens 2 Nachkommastellen.',
  clonedFrom: 'Geklont von',
  product: 'Produkt',
  reseller: 'Wiederverkäufer',
  sourceDiscount: 'Rabatt der Vorlage',
  sourceDuration: 'Laufzeit der Vorlage',
  cloneHint:
    'Ein Klon behält Produkt, Wiederverkäufer und Laufzeitart der Vorlage; Name, Beschreibung, Rabatt und Enddatum ändern Sie hier.',
  createCount: (p, r) =>
    `${n(p, 'Produkt', 'Produkte')} × ${n(r, 'Wiederverkäufer', 'Wiederverkäufer')}: ${n(p * r, 'Verkaufschance wird', 'Verkaufschancen werden')} erstellt.`,
  cloneCount: '1 Verkaufschance wird erstellt: eine Kopie der Vorlage.',
  cancel: 'Abbrechen',
  submitCreate: (count) =>
    count > 1 ? `${count} Verkaufschancen erstellen` : 'Verkaufschance erstellen',
  submitClone: 'Verkaufschance klonen',
  submitting: 'Wird gespeichert…',
  requestFailed: 'Es wurde nichts gespeichert.',
  durationLabel,
  duration: DURATION_PICKER_MESSAGES_DE,
  validation: VALIDATION_MESSAGES_DE,
};

export const DEACTIVATE_STRINGS_DE: DeactivateConfirmationI18nStrings = {
  willChange:
    'Deaktivierte Verkaufschancen werden eingeschränkt: Der Wiederverkäufer kann daraus keine Angebote mehr erstellen. Das lässt sich nicht rückgängig machen (klonen Sie eine Verkaufschance, um den Wiederverkäufer erneut zu berechtigen).',
  willNotChange: (skipped, total) =>
    `Nur aktive Verkaufschancen ändern sich: ${skipped} der ${total} ausgewählten bleiben, wie sie sind.`,
  stays: (status) => `(bleibt ${status})`,
  listLabel: 'Zu deaktivierende Verkaufschancen',
  cancel: 'Abbrechen',
  confirm: (count) => (count > 1 ? `${count} deaktivieren` : 'Deaktivieren'),
  confirming: 'Wird deaktiviert…',
  close: 'Schließen',
  resultSummary: (done, total) => `${done} von ${total} deaktiviert.`,
  deactivated: 'Deaktiviert',
  notChanged: (reason) => `Nicht geändert: ${reason}`,
  reasons: {
    RESTRICTED: 'bereits eingeschränkt',
    EXPIRED: 'abgelaufen: Nur aktive Verkaufschancen lassen sich deaktivieren',
    COMPLETE: 'abgeschlossen: Nur aktive Verkaufschancen lassen sich deaktivieren',
    NOT_FOUND: 'nicht gefunden',
  },
  failed: 'Es wurde nichts deaktiviert.',
  status: STATUS_MESSAGES_DE,
};

const EVENTS_DE: Record<EventType, (data: Record<string, unknown>) => string> = {
  created: () => 'Erstellt',
  cloned: (d) => `Geklont von ${String(d.fromId ?? 'einer anderen Verkaufschance')}`,
  used: (d) =>
    `Angebot ${String(d.offerId ?? '')} für Käufer ${String(d.buyerAccountId ?? '')} erstellt`,
  deactivated: () => 'Deaktiviert (jetzt eingeschränkt)',
};

export const DETAILS_STRINGS_DE: OpportunityDetailsI18nStrings = {
  fields: 'Verkaufschance',
  id: 'ID der Verkaufschance',
  status: 'Status',
  name: 'Name der Verkaufschance',
  description: 'Beschreibung',
  productName: 'Produktname',
  resellerName: 'Wiederverkäufer',
  discount: 'Rabattart',
  duration: 'Laufzeit',
  timesUsed: 'Verwendet',
  created: 'Erstellt',
  clonedFrom: 'Geklont von',
  deactivated: 'Deaktiviert',
  none: '-',
  offers: (count) => `Daraus erstellte Angebote (${count})`,
  noOffers: 'Daraus wurde noch kein Channel Partner Private Offer erstellt.',
  offerId: 'Angebots-ID',
  buyerAccount: 'Käuferkonto',
  createdBy: 'Erstellt von',
  history: 'Verlauf',
  event: (e) => EVENTS_DE[e.type](e.data ?? {}),
  eventBy: (actor, when) => `von ${actor}, ${when}`,
  loading: 'Die Verkaufschance wird geladen…',
  error: 'Die Verkaufschance konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  statusLabels: STATUS_MESSAGES_DE,
  durationLabel,
};

export const FILTERS_STRINGS_DE: OpportunityFiltersI18nStrings = {
  label: 'Verkaufschancen filtern',
  text: 'Verkaufschancen suchen',
  textPlaceholder: 'Name oder ID',
  status: 'Status',
  product: 'Produkt',
  allProducts: 'Alle Produkte',
  reseller: 'Wiederverkäufer',
  allResellers: 'Alle Wiederverkäufer',
  expiring: 'Läuft ab',
  expiringAny: 'Jederzeit',
  expiringWithin: (days) => `Innerhalb von ${days} Tagen`,
  clear: 'Filter löschen',
  statusLabels: STATUS_MESSAGES_DE,
};

export const CREATE_OFFER_STRINGS_DE: CreateOfferFormI18nStrings = {
  opportunity: 'Verkaufschance',
  product: 'Produkt',
  discount: 'Rabattart',
  timesUsed: 'Verwendet',
  buyer: 'AWS-Konto-ID des Käufers',
  buyerHint:
    'Das 12-stellige Konto des Käufers, für den das private Angebot ist; Leerzeichen und Bindestriche sind erlaubt.',
  buyerPlaceholder: '1234 5678 9012',
  idempotencyKey: 'Idempotenzschlüssel',
  idempotencyKeyHint:
    'Für dieses Angebot erzeugt: Ein erneutes Senden liefert das erste Ergebnis und zählt nichts doppelt.',
  cancel: 'Abbrechen',
  submit: 'Angebot erstellen',
  submitting: 'Wird erstellt…',
  close: 'Schließen',
  created: 'Channel Partner Private Offer erstellt.',
  replayed:
    'Diese Anfrage war bereits erfasst: Hier ist ihr erstes Ergebnis, nichts wurde erneut gezählt.',
  offerId: 'Angebots-ID',
  buyerAccount: 'Käuferkonto',
  status: 'Status',
  requestFailed: 'Das Angebot wurde nicht erstellt.',
  statusLabels: STATUS_MESSAGES_DE,
  validation: VALIDATION_MESSAGES_DE,
};
