import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  detectLocale,
  isSettingChange,
  readSettings,
  resolveLocale,
  resolveTheme,
} from '../../src/lib/settings';

describe('readSettings', () => {
  it('takes every setting it knows with a value it can take', () => {
    expect(readSettings({ language: 'zh', theme: 'dark', timeZone: 'device' })).toEqual({
      language: 'zh',
      theme: 'dark',
      timeZone: 'device',
    });
  });

  it('leaves out what it cannot read, so the rest survive a bad value', () => {
    expect(readSettings({ language: 'fr', theme: 'dark', fontSize: 3 })).toEqual({
      theme: 'dark',
    });
    expect(readSettings({ language: 42 })).toEqual({});
  });

  it('reads nothing from something that is not a record', () => {
    expect(readSettings(null)).toEqual({});
    expect(readSettings('zh')).toEqual({});
    expect(readSettings(undefined)).toEqual({});
  });
});

describe('isSettingChange', () => {
  it('accepts a known setting with a value it can take', () => {
    expect(isSettingChange({ name: 'language', value: 'auto' })).toBe(true);
    expect(isSettingChange({ name: 'theme', value: 'system' })).toBe(true);
    expect(isSettingChange({ name: 'timeZone', value: 'device' })).toBe(true);
  });

  it('refuses unknown names, wrong values and names from the object prototype', () => {
    expect(isSettingChange({ name: 'theme', value: 'sepia' })).toBe(false);
    expect(isSettingChange({ name: 'language', value: 'dark' })).toBe(false);
    expect(isSettingChange({ name: 'timeZone', value: 'Asia/Shanghai' })).toBe(false);
    expect(isSettingChange({ name: 'volume', value: 'auto' })).toBe(false);
    expect(isSettingChange({ name: 'toString', value: 'auto' })).toBe(false);
  });
});

describe('resolveLocale', () => {
  it('follows the browser when the reader chose nothing', () => {
    expect(DEFAULT_SETTINGS.language).toBe('auto');
    expect(resolveLocale('auto', ['zh-CN', 'en'])).toBe('zh');
    expect(resolveLocale('auto', ['de-DE'])).toBe('en');
  });

  it('keeps the reader’s choice whatever the browser says', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh', ['en-US'])).toBe('zh');
  });

  it('reads Chinese of every region as Chinese', () => {
    expect(detectLocale(['zh-Hant-TW'])).toBe('zh');
    expect(detectLocale(['ZH-hk'])).toBe('zh');
  });
});

describe('resolveTheme', () => {
  it('follows the system when the reader chose nothing', () => {
    expect(DEFAULT_SETTINGS.theme).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('keeps the reader’s choice whatever the system prefers', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
