/**
 * The `sessions:` block of front matter: how an organizer states an agenda outright when the
 * text cannot be read reliably. It replaces extraction for the post. See docs/content-format.md.
 */
import { diagnostic, type Diagnostic } from './diagnostics';
import type { TalkDraft } from './extract-agenda';
import { lineOfKey, type SplitPost } from './parse-front-matter';
import type { SpeakerMention } from './parse-speakers';
import { findTimeRange, parseFrontMatterDate } from './parse-times';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;
}

function readSpeaker(value: unknown): SpeakerMention | null {
  if (typeof value === 'string')
    return value.trim() ? { name: value.trim(), org: null, role: null, aliases: [] } : null;
  if (!isRecord(value)) return null;
  const name = text(value.name);
  if (!name) return null;
  const aliases = Array.isArray(value.aliases)
    ? value.aliases.map(text).filter((alias): alias is string => alias !== null)
    : [];
  return {
    name,
    org: text(value.org ?? value.company),
    role: text(value.role ?? value.title),
    aliases,
  };
}

/** A wall time from `start:`/`end:`: '14:00', 14:00 read by YAML as minutes, or '下午2:00'. */
function readTime(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 24 * 60) {
    // YAML 1.1 reads an unquoted 14:00 as sexagesimal 840.
    return `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
  }
  const written = text(value);
  return written ? (findTimeRange(written)?.start ?? null) : null;
}

/** Reads `sessions:`; null when the post has none. */
export function readSessions(
  post: SplitPost,
  file: string,
): { talks: TalkDraft[]; diagnostics: Diagnostic[] } | null {
  const value = post.data.sessions;
  if (value === undefined) return null;
  const diagnostics: Diagnostic[] = [];
  const line = lineOfKey(post, 'sessions');
  if (!Array.isArray(value)) {
    diagnostics.push(
      diagnostic(
        'error',
        'invalid-sessions',
        file,
        'sessions: must be a list of talks, each with at least a title.',
        line,
      ),
    );
    return { talks: [], diagnostics };
  }
  const talks: TalkDraft[] = [];
  value.forEach((entry: unknown, index) => {
    const title = isRecord(entry) ? text(entry.title) : null;
    if (!isRecord(entry) || !title) {
      diagnostics.push(
        diagnostic(
          'error',
          'invalid-sessions',
          file,
          `sessions item ${index + 1} has no title; give every session a title: line.`,
          line,
        ),
      );
      return;
    }
    const speakerList = Array.isArray(entry.speakers)
      ? entry.speakers
      : entry.speakers === undefined
        ? []
        : [entry.speakers];
    const dateParts = entry.date === undefined ? null : parseFrontMatterDate(entry.date);
    if (entry.date !== undefined && !dateParts) {
      diagnostics.push(
        diagnostic(
          'error',
          'invalid-date',
          file,
          `sessions item ${index + 1} ("${title}") has date ${JSON.stringify(entry.date)}, which is not a real date; write YYYY-MM-DD.`,
          line,
        ),
      );
    }
    const start = readTime(entry.start) ?? dateParts?.time ?? null;
    let end = readTime(entry.end);
    if (start && end && end < start) {
      diagnostics.push(
        diagnostic(
          'warning',
          'time-range-reversed',
          file,
          `sessions item ${index + 1} ("${title}") ends at ${end}, before it starts at ${start}; the end time was dropped.`,
          line,
        ),
      );
      end = null;
    }
    talks.push({
      title,
      speakers: speakerList
        .map(readSpeaker)
        .filter((speaker): speaker is SpeakerMention => speaker !== null),
      date: dateParts?.date ?? null,
      start,
      end,
      abstract: text(entry.abstract),
      slidesUrl: text(entry.slidesUrl ?? entry.url_slides),
      videoUrl: text(entry.videoUrl ?? entry.url_video),
      line: line ?? 1,
    });
  });
  return { talks, diagnostics };
}
