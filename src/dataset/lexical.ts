// Comments and trailing commas: JSON has neither, yet both leave the data unambiguous. They are
// warnings, so training still works, but Python's json.load and other JSON tools would reject the file.
import { ScanError, SyntaxKind } from 'jsonc-parser';
import type { JSONScanner } from 'jsonc-parser';
import type { ProblemCollector } from './problems';
import { l10n } from '../l10n';

export interface LexicalMark {
  comments: number;
  trailingCommas: number;
  previousKind: SyntaxKind;
  previousOffset: number;
}

interface CommentSeen {
  offset: number;
  length: number;
  unclosed: boolean;
}

/** Watches every token a scanner produces and remembers comments and trailing commas. */
export class LexicalNotes {
  private comments: CommentSeen[] = [];
  private trailingCommaOffsets: number[] = [];
  private previousKind = SyntaxKind.Unknown;
  private previousOffset = 0;

  /** Feeds the token the scanner just read; true when it is trivia the parser skips. */
  observe(kind: SyntaxKind, scanner: JSONScanner): boolean {
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        this.comments.push({
          offset: scanner.getTokenOffset(),
          length: scanner.getTokenLength(),
          unclosed: scanner.getTokenError() === ScanError.UnexpectedEndOfComment,
        });
        return true;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        return true;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (this.previousKind === SyntaxKind.CommaToken) this.trailingCommaOffsets.push(this.previousOffset);
        break;
    }
    this.previousKind = kind;
    this.previousOffset = scanner.getTokenOffset();
    return false;
  }

  /** For a parser that backs up and reads a stretch again: forget what it saw after the mark. */
  mark(): LexicalMark {
    return {
      comments: this.comments.length,
      trailingCommas: this.trailingCommaOffsets.length,
      previousKind: this.previousKind,
      previousOffset: this.previousOffset,
    };
  }

  rewind(mark: LexicalMark): void {
    this.comments.length = mark.comments;
    this.trailingCommaOffsets.length = mark.trailingCommas;
    this.previousKind = mark.previousKind;
    this.previousOffset = mark.previousOffset;
  }

  /**
   * For an edit inside the stretch [start, end) of the text these notes were taken from: the notes
   * there give way to `stretch` (the notes of the edited stretch, read from its own text, which
   * starts at `start`), and those after it move by `delta`.
   */
  replaceStretch(start: number, end: number, delta: number, stretch: LexicalNotes): void {
    const outside = (offset: number) => offset < start || offset >= end;
    const moved = (offset: number) => (offset >= end ? offset + delta : offset);
    const comments = this.comments.filter((comment) => outside(comment.offset)).map((comment) => ({ ...comment, offset: moved(comment.offset) }));
    for (const comment of stretch.comments) comments.push({ ...comment, offset: start + comment.offset });
    this.comments = comments.sort((a, b) => a.offset - b.offset);
    const commas = stretch.trailingCommaOffsets.map((offset) => start + offset);
    this.trailingCommaOffsets = this.trailingCommaOffsets.filter(outside).map(moved).concat(commas).sort((a, b) => a - b);
  }

  report(problems: ProblemCollector): void {
    for (const comment of this.comments) {
      if (comment.unclosed) {
        problems.error(comment, l10n.t('This /* comment is never closed with */, so the rest of the file is hidden in it'));
      } else {
        problems.warning(
          comment,
          l10n.t('Comments are not allowed in JSON; Python\'s json.load and other tools would reject this file — put notes in "description" instead'),
        );
      }
    }
    for (const offset of this.trailingCommaOffsets) {
      problems.warning(
        { offset, length: 1 },
        l10n.t('Trailing comma: JSON allows no comma after the last item; remove it so other tools can read the file'),
      );
    }
  }
}
