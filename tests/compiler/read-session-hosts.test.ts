/**
 * Who runs a session that a programme page describes only in prose under its heading: hosts and
 * participants named in sentences that put them in the session, and nobody merely mentioned.
 */
import { describe, expect, it } from 'vitest';
import { readSessionHosts } from '../../src/compiler/read-session-hosts';

const names = (prose: string) => readSessionHosts(prose).map((person) => person.name);
const roles = (prose: string) =>
  readSessionHosts(prose).map((person) => `${person.name}: ${person.role}`);

describe('readSessionHosts: the hosts a sentence names', () => {
  it('reads `Join A along with B as they host`, link brackets and all', () => {
    expect(
      roles(
        'Join [Rosa Lindqvist] along with [Omar Haddad] as they host a special edition of the [Quiz Night]. Prizes for all!',
      ),
    ).toEqual(['Rosa Lindqvist: Host', 'Omar Haddad: Host']);
  });

  it('reads `hosted by`, leaving the title in front of the name out', () => {
    expect(
      names('A live baking contest hosted by CNCF Ambassador Mei Tanaka on Saturday at 12pm PT.'),
    ).toEqual(['Mei Tanaka']);
  });

  it('reads `your hosts A + B` and a `participants:` list, notes in brackets left out', () => {
    expect(
      roles(
        'For this edition there is a twist! Join your hosts Sam Okafor (main host) + Lena Brandt (Steering Committee) with fellow maintainer participants: Ivo Petrov (sig-network), Ana Souza (sig-node, Steering), and Kenji Mori (sig-storage)',
      ),
    ).toEqual([
      'Sam Okafor: Host',
      'Lena Brandt: Host',
      'Ivo Petrov: null',
      'Ana Souza: null',
      'Kenji Mori: null',
    ]);
  });

  it('reads a handle or a name opening the sentence before `is GMing`, `will host`', () => {
    expect(names('The ship is on fire. @quinnrivera is GMing a one-shot of the game.')).toEqual([
      '@quinnrivera',
    ]);
    expect(names('Tomas Berg and Aiko Sato will host the trivia round.')).toEqual([
      'Tomas Berg',
      'Aiko Sato',
    ]);
  });

  it('reads `presented by` as speakers, not hosts', () => {
    expect(roles('A short demo presented by Nadia Karim.')).toEqual(['Nadia Karim: null']);
  });
});

describe('readSessionHosts: people who do not run the session', () => {
  it('leaves out people the prose merely mentions, thanks or invites', () => {
    expect(
      names(
        'Thanks to Rosa Lindqvist for the idea. Join Omar Haddad and friends for games. Ask Mei Tanaka if you need help.',
      ),
    ).toEqual([]);
  });

  it('leaves out a group, a project or a platform after `hosted by`', () => {
    expect(names('The project is hosted by the Cloud Native Computing Foundation.')).toEqual([]);
    expect(names('The stream is hosted by Linux Foundation staff.')).toEqual([]);
    expect(names('BGA hosts a wide variety of games.')).toEqual([]);
  });

  it('does not take a title of several capitalised words for a person', () => {
    expect(names('The Great Cloud Native Bake Off Team will host it.')).toEqual([]);
  });

  it('does not read hosts who only `provide commentary` as hosting this session', () => {
    expect(
      names('In addition, the hosts (Rosa Lindqvist and Omar Haddad) will provide commentary.'),
    ).toEqual([]);
  });
});
