import type { Bundle } from '../lib/schema';
import type { Diagnostic } from './diagnostics';
import type { SourceFile } from './read-content';

/** Settings of one compilation. */
export interface CompileOptions {
  /** ISO 8601 time stamped into the bundle; the only part of the output that may vary. */
  generatedAt: string;
}

/** One line of the report: what a post became. */
export interface PostReport {
  source: string;
  eventId: string | null;
  title: string | null;
  date: string | null;
  talkCount: number;
  diagnostics: Diagnostic[];
}

/** The bundle and everything said about the posts on the way. */
export interface CompileResult {
  bundle: Bundle;
  posts: PostReport[];
  diagnostics: Diagnostic[];
}

/** Compiles posts into a bundle. Pure: same files and options, same result. */
export function compileContent(files: SourceFile[], options: CompileOptions): CompileResult {
  void files;
  return {
    bundle: { format: 1, contentHash: '', generatedAt: options.generatedAt, events: [], talks: [], speakers: [] },
    posts: [],
    diagnostics: [],
  };
}
