import { describe, expect, it } from 'vitest';
import { detectLocale, messagesFor } from '../../src/lib/client/i18n';

describe('detectLocale', () => {
  it('speaks Chinese to any Chinese browser', () => {
    expect(detectLocale(['zh-CN', 'en'])).toBe('zh');
    expect(detectLocale(['zh-TW'])).toBe('zh');
    expect(detectLocale(['zh'])).toBe('zh');
  });

  it('follows the first preference it can speak', () => {
    expect(detectLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLocale(['fr-FR', 'zh-CN'])).toBe('zh');
  });

  it('falls back to English', () => {
    expect(detectLocale(['fr-FR'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('messages', () => {
  it('counts talks with English plurals', () => {
    expect(messagesFor('en').talkCount(1)).toBe('1 talk');
    expect(messagesFor('en').talkCount(5)).toBe('5 talks');
    expect(messagesFor('zh').talkCount(5)).toBe('5 个议题');
  });

  it('names the reload button in both languages', () => {
    expect(messagesFor('en').update.reload).toBe('Reload');
    expect(messagesFor('zh').update.reload).toBe('重新加载');
  });
});
