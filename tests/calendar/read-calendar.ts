/**
 * Reads an iCalendar file back with ical.js, an independent RFC 5545 parser, into plain values
 * the tests compare: what a calendar application would see.
 */
import ICAL from 'ical.js';

/** A DTSTART or DTEND as a calendar reads it. */
export interface ReadTime {
  /** The instant in UTC ('2021-07-10T07:00:00.000Z'), or the date of an all-day value. */
  instant: string;
  /** The TZID parameter, null for UTC, floating or date values. */
  tzid: string | null;
  isDate: boolean;
}

/** One VEVENT as a calendar reads it. */
export interface ReadEvent {
  uid: string;
  summary: string;
  summaryLanguage: string | null;
  description: string;
  location: string | null;
  url: string | null;
  sequence: number;
  dtstamp: string;
  start: ReadTime;
  end: ReadTime | null;
  alarms: { action: string; trigger: string }[];
}

function readTime(component: ICAL.Component, name: string): ReadTime | null {
  const property = component.getFirstProperty(name);
  if (!property) return null;
  const time = property.getFirstValue() as ICAL.Time;
  const tzid = property.getParameter('tzid');
  return {
    instant: time.isDate ? time.toString() : time.toJSDate().toISOString(),
    tzid: typeof tzid === 'string' ? tzid : null,
    isDate: time.isDate,
  };
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

/** The zones defined and the events of an iCalendar text; its VTIMEZONEs are registered first. */
export function readCalendar(ics: string): { timezones: string[]; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const timezones = calendar.getAllSubcomponents('vtimezone').map((zone) => {
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone);
    return timezone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((event) => {
    const start = readTime(event, 'dtstart');
    if (!start) throw new Error('A VEVENT without DTSTART');
    const summary = event.getFirstProperty('summary');
    const language = summary?.getParameter('language');
    return {
      uid: text(event, 'uid') ?? '',
      summary: text(event, 'summary') ?? '',
      summaryLanguage: typeof language === 'string' ? language : null,
      description: text(event, 'description') ?? '',
      location: text(event, 'location'),
      url: text(event, 'url'),
      sequence: Number(text(event, 'sequence')),
      dtstamp: (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      start,
      end: readTime(event, 'dtend'),
      alarms: event.getAllSubcomponents('valarm').map((alarm) => ({
        action: text(alarm, 'action') ?? '',
        trigger: text(alarm, 'trigger') ?? '',
      })),
    };
  });
  return { timezones, events };
}
