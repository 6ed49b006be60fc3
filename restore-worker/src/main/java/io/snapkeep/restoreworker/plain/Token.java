package io.snapkeep.restoreworker.plain;

/**
 * A top-level token of a SQL statement as the filter sees it: a word (keyword or plain identifier, upper-cased), a
 * number, a quoted identifier, a string literal (its start, lower-cased), or any other symbol.
 */
record Token(Kind kind, String text) {

    enum Kind {
        WORD, NUMBER, QUOTED_IDENTIFIER, LITERAL, SYMBOL
    }

    boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** A word or a quoted identifier: what may name a role. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
