/**
 * Speakers that talk pages name by an author profile id rather than a name: Hugo Academic's
 * `authors: [admin]`, where `admin` is the site owner and the name lives in a profile page that
 * the content may not include. A profile is one person per site, so the page where that speaker
 * introduces themselves (`我是敖小剑，来自…`, read by `readSelfIntroduction`) names them on every
 * page of the same site.
 */
import type { PostDraft } from './build-bundle';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { SpeakerMention } from './parse-speakers';
import type { DeclaredSpeaker } from './read-speakers';
import { nameKey } from './slugs';

/**
 * The site a post belongs to: the path before its last `content/` folder, as in
 * `skyao.io/content/talk/…` of a tree holding several sites, or the whole tree when the content
 * root is the site's `content/` itself.
 */
export function siteOf(source: string): string {
  const at = `/${source}`.lastIndexOf('/content/');
  return at === -1 ? '' : source.slice(0, at);
}

/** A mention that is still a bare profile id: no page has said whose it is yet. */
function isUnnamed(mention: SpeakerMention): boolean {
  return mention.profile !== undefined && mention.name === mention.profile;
}

/**
 * Names every profile-id speaker after the person a page of the same site showed it to be. A
 * profile no page names stays as it is when the speakers file lists the id as an alias (the
 * file then says who it is); otherwise it is left out, with a warning at the talk. Changes the
 * drafts' talks in place; returns the warnings.
 */
export function resolveAuthorProfiles(
  drafts: readonly PostDraft[],
  declared: readonly DeclaredSpeaker[],
): Diagnostic[] {
  const named = new Map<string, SpeakerMention>();
  for (const draft of drafts)
    for (const talk of draft.talks)
      for (const mention of talk.speakers) {
        const key = `${siteOf(draft.source)}\u0000${mention.profile}`;
        if (mention.profile !== undefined && !isUnnamed(mention) && !named.has(key))
          named.set(key, mention);
      }
  const declaredNames = new Set(
    declared.flatMap((person) => [person.name, ...person.aliases].map(nameKey)),
  );
  const diagnostics: Diagnostic[] = [];
  for (const draft of drafts)
    for (const talk of draft.talks) {
      talk.speakers = talk.speakers.flatMap((mention) => {
        if (!isUnnamed(mention) || declaredNames.has(nameKey(mention.name))) return [mention];
        const person = named.get(`${siteOf(draft.source)}\u0000${mention.profile}`);
        // The company is the one of that talk's day, which another page cannot tell.
        if (person) return [{ name: person.name, org: null, role: null, aliases: person.aliases }];
        diagnostics.push(
          diagnostic(
            'warning',
            'speaker-profile-unknown',
            draft.source,
            `The author ${mention.name} is a profile id, and no page of this site says whose (a "我是…" sentence near the top); the talk was kept without this speaker. Write the name in authors:, or add it to the speakers file: - name: 姓名\n  aliases: [${mention.name}]`,
            talk.line,
          ),
        );
        return [];
      });
    }
  return diagnostics;
}
