/**
 * Dutch texts of the contract database's validation; exactly the keys and ICU arguments of
 * ./validation.en.ts (see there for the rules these texts follow).
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { validationEn } from './validation.en';

export const validationNl: Translation<typeof validationEn> = {
  'validation.id': 'Gebruik 1–64 letters, cijfers, "_", "." of "-", te beginnen met een letter of cijfer.',
  'validation.localDate': 'Gebruik een bestaande datum als JJJJ-MM-DD.',
  'validation.timeZone': 'Onbekende tijdzone.',
  'validation.name.empty': 'Vul een naam in.',
  'validation.value.empty': 'Vul een waarde in.',
  'validation.text.tooLong': 'Hoogstens {max} tekens.',
  'validation.accountId': 'Gebruik een Atlassian-account-id zoals 5b10ac8d82e05b22cc7d4ef5.',
  'validation.colour': 'Gebruik een kleur als #RRGGBB, bijvoorbeeld #D4A017.',
  'validation.percent.min': 'Minstens 0 %.',
  'validation.percent.max': 'Hoogstens 100 %.',
  'validation.percent.decimals': 'Hoogstens twee decimalen.',
  'validation.atRisk': 'Gebruik een heel percentage van 1 tot en met 99.',
  'validation.wholeNumber': 'Gebruik een heel getal vanaf 1.',
  'validation.minutes.whole': 'Alleen hele minuten.',
  'validation.minutes.positive': 'Een streeftijd is minstens één minuut.',
  'validation.minutes.max': 'Hoogstens een jaar aan minuten.',
  'validation.response.longer': 'De streeftijd voor de eerste reactie kan niet langer zijn dan die voor de oplossing.',
  'validation.currency': 'Gebruik een ISO 4217-valutacode zoals EUR of USD.',
  'validation.amount.whole': 'Bedragen zijn hele centen: 12500 betekent 125,00.',
  'validation.amount.negative': 'Een bedrag kan niet negatief zijn.',
  'validation.amount.tooLarge': 'Het bedrag is te groot.',
  'validation.schemaVersion': 'Niet-ondersteunde schemaVersion; verwacht {version} (documenten van versie 1 worden omgezet).',
  'validation.tooMany': 'Hoogstens {max} items.',

  'validation.calendar.time': 'Gebruik een tijd "UU:MM" van 00:00 tot en met 24:00.',
  'validation.calendar.intervalOrder': 'Het interval {start}–{end} moet beginnen voordat het eindigt.',
  'validation.calendar.overlap': 'Het interval {start}–{end} overlapt met {otherStart}–{otherEnd}.',
  'validation.calendar.noWorkingTime': 'De week heeft geen werktijd.',
  'validation.calendar.yearly': 'Gebruik een dag van het jaar als MM-DD, zoals 12-25.',
  'validation.calendar.holiday': 'Gebruik een datum (JJJJ-MM-DD), een datum met een naam, of een jaarlijkse dag (MM-DD) met een naam.',
  'validation.calendar.zone': 'Gebruik een IANA-tijdzone zoals Europe/Amsterdam.',
  'validation.calendar.idle': 'De feestdagen laten {days} dagen geen werkdag over; een deadline moet binnen {limit} dagen werktijd vinden.',

  'validation.level.noRevision': 'Een serviceniveau heeft minstens één herziening nodig.',
  'validation.level.sameDate': 'Een andere herziening (revisions.{first}) geldt al vanaf {date}.',
  'validation.bespoke.noClass': 'Noem minstens één klasse, of laat calendarClasses weg.',
  'validation.bespoke.classesWithoutCalendar': 'calendarClasses beperkt een eigen werkrooster: kies ook calendarId.',
  'validation.bespoke.classTwice': '{class} staat er twee keer in.',
  'validation.rate.empty': 'Geef een uurtarief, een prijs per verzoek, of allebei.',
  'validation.rate.tooMany': 'Hoogstens {max} aanvraagtypen.',
  'validation.version.noService': 'Dek minstens één dienst.',
  'validation.version.endsBeforeStart': 'De versie eindigt voordat ze begint.',
  'validation.version.termBeforeStart': 'De looptijd eindigt voordat de versie begint.',
  'validation.version.noticeAfterEnd': 'De opzegdatum ligt na het einde van de looptijd.',
  'validation.version.serviceTwice': "Dienst ''{id}'' is al gedekt (coveredServices.{first}).",
  'validation.version.defaultNotCovered': "De standaarddienst ''{id}'' hoort niet bij de gedekte diensten.",
  'validation.version.numberTwice': 'Versienummer {version} komt twee keer voor (ook versions.{first}).',
  'validation.version.overlap': 'Versie {version} overlapt met versie {other} ({from} – {to}).',
  'validation.version.openEnded': 'zonder einddatum',
  'validation.customer.noOrganization': 'Noem minstens één JSM-organisatie.',
  'validation.customer.organizationTwice': "Organisatie ''{id}'' staat er twee keer in.",
  'validation.customer.twoNames': "Klant ''{id}'' heet ''{name}'' in contracts.{index}; gebruik één naam per klant-id.",
  'validation.contract.noVersion': 'Een contract heeft minstens één versie nodig.',
  'validation.contract.reminderDays.min': 'Minstens 1 dag.',
  'validation.contract.reminderDays.max': 'Hoogstens 365 dagen.',
  'validation.contract.reminderWithoutManager': 'Kies de accountmanager die aan de opzegdatum herinnerd wordt.',
  'validation.contract.reminderWithoutNotice': 'Geen enkele versie heeft een opzegdatum om aan te herinneren.',
  'validation.contract.currencyMismatch':
    "Serviceniveau ''{level}'' is geprijsd in {levelCurrency} en dit contract in {contractCurrency}: geef de dienst een eigen prijs (bespoke.monthlyPrice) of gebruik een serviceniveau geprijsd in {contractCurrency}.",
  'validation.duplicateId': "Dubbele {what}-id ''{id}'' (ook {list}.{first}).",
  'validation.duplicateName': "Dubbele {what} ''{name}''.",
  'validation.what.calendar': 'werkrooster',
  'validation.what.service': 'dienst',
  'validation.what.level': 'serviceniveau',
  'validation.what.contract': 'contract',
  'validation.what.pauseStatus': 'pauzestatus',
  'validation.unknownCalendar': "Onbekend werkrooster ''{id}''.",
  'validation.unknownService': "Onbekende dienst ''{id}''.",
  'validation.unknownLevel': "Onbekend serviceniveau ''{id}''.",
  'validation.unreachable':
    "{minutes} werkminuten zijn binnen 3 jaar van ''{calendar}'' ({weekly} minuten per week) niet te halen: hoogstens {limit}.",
  'validation.documentTooLarge':
    'De contractdatabase is {size} als JSON; hoogstens {max} kan worden opgeslagen, geëxporteerd en weer geïmporteerd. Verwijder beëindigde contracten of lange notities.',

  'validation.settings.priorityLimit': 'Hoogstens {max} prioriteiten.',
  'validation.settings.priorityTwice': "Prioriteit ''{name}'' is ook ingedeeld als ''{other}''.",
  'validation.settings.message.empty': 'Vul een bericht in.',
  'validation.settings.placeholder': 'Onbekende plaatshouder {placeholder}; gebruik {known}.',
  'validation.settings.placeholderMissing': 'Dit bericht moet {placeholder} bevatten.',

  'validation.unknownField': "Onbekend veld ''{key}''.",
  'validation.unknownFieldSuggestion': "Onbekend veld ''{key}'' (bedoelt u ''{suggestion}''?).",

  'validation.history.contractRemoved':
    "Contract ''{name}'' ({id}) geldt sinds {date} en kan niet worden verwijderd; beëindig in plaats daarvan de laatste versie met effectiveTo.",
  'validation.history.contractZone': "Contract ''{name}'' geldt sinds {date}: de tijdzone ({zone}) kan niet veranderen.",
  'validation.history.contractCurrency': "Contract ''{name}'' geldt sinds {date}: de valuta ({currency}) kan niet veranderen.",
  'validation.history.versionRemoved': "Versie {version} van contract ''{name}'' geldt sinds {date} en kan niet worden verwijderd.",
  'validation.history.versionStart': "Versie {version} van contract ''{name}'' geldt sinds {date}: het begin kan niet verschuiven.",
  'validation.history.versionTerms':
    "Versie {version} van contract ''{name}'' geldt sinds {date}: de voorwaarden kunnen niet worden gewijzigd. Voeg een nieuwe versie toe vanaf morgen of later met de nieuwe voorwaarden.",
  'validation.history.versionEndedEnd':
    "Versie {version} van contract ''{name}'' eindigde op {end}: het einde kan alleen naar {today} of later (verzoeken van eerdere dagen gebruikten haar).",
  'validation.history.versionInForceEnd':
    "Versie {version} van contract ''{name}'' geldt nu: het einde kan alleen naar {today} of later (verzoeken van eerdere dagen gebruikten haar).",
  'validation.history.versionTooEarly':
    "Versie {version} van contract ''{name}'' zou op {date} beginnen, maar verzoeken tot en met vandaag ({today}) gebruikten andere voorwaarden: een nieuwe versie begint op zijn vroegst morgen.",
  'validation.history.levelRemoved': "Serviceniveau ''{name}'' ({id}) heeft geldende voorwaarden en kan niet worden verwijderd.",
  'validation.history.levelCurrency': "Serviceniveau ''{name}'' heeft geldende voorwaarden: de valuta van de prijzen ({currency}) kan niet veranderen.",
  'validation.history.revisionRemoved': "Serviceniveau ''{name}'': de herziening die sinds {date} geldt, kan niet worden verwijderd of verschoven.",
  'validation.history.revisionTerms':
    "Serviceniveau ''{name}'': de herziening die sinds {date} geldt, kan niet worden gewijzigd (verzoeken op geldende contracten gebruiken haar). Voeg een herziening toe vanaf morgen of later met de nieuwe voorwaarden.",
  'validation.history.revisionTooEarly':
    "Serviceniveau ''{name}'': een herziening vanaf {date} zou de voorwaarden van al aangemaakte verzoeken veranderen; een nieuwe herziening begint op zijn vroegst morgen ({tomorrow}).",
  'validation.history.calendarWeek':
    "Werkrooster ''{name}'' wordt gebruikt door geldende voorwaarden: tijdzone en werktijden per week kunnen niet veranderen. Voeg een nieuw werkrooster toe, en een herziening of contractversie vanaf morgen die het gebruikt.",
  'validation.history.calendarHolidays': "Werkrooster ''{name}'': feestdagen tot en met vandaag ({today}) kunnen niet veranderen ({dates}); feestdagen in de toekomst wel.",

  'validation.stale.loaded':
    'Een andere beheerder ({who}) heeft de contractdatabase opgeslagen op {at} (revisie {revision}) nadat u revisie {loaded} laadde. Er is niets opgeslagen: laad opnieuw om hun wijzigingen te zien en breng de uwe dan opnieuw aan.',
  'validation.stale.writing':
    'Een andere beheerder ({who}) heeft de contractdatabase opgeslagen op {at} (revisie {revision}) terwijl deze opslag werd geschreven. Er is niets opgeslagen: laad opnieuw om hun wijzigingen te zien en breng de uwe dan opnieuw aan.',
  'validation.sliceTooLarge':
    "De voorwaarden van {count} contracten (de grootste ''{largest}'') nemen {size} KiB in, meer dan één opslagitem bevat ({max} KiB): maak notities, de dienstencatalogus of lange versiegeschiedenissen korter.",
};
