/**
 * The time-zone setting: which clock times are shown on. Pure, so the data worker (which stores
 * it in the settings store) and the page (which applies it) share the type and the guard.
 */

/** 'event': the event's zone, as printed on the programme (the default); 'device': this device's. */
export type TimeZoneChoice = 'event' | 'device';

export const TIME_ZONE_CHOICES: readonly TimeZoneChoice[] = ['event', 'device'];

/** The settings store's key for the choice. */
export const TIME_ZONE_SETTING = 'timeZone';

/** True for the values a stored choice may take; anything else counts as never chosen. */
export function isTimeZoneChoice(value: unknown): value is TimeZoneChoice {
  return TIME_ZONE_CHOICES.includes(value as TimeZoneChoice);
}
