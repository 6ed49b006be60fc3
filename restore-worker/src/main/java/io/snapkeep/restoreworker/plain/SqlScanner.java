package io.snapkeep.restoreworker.plain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a psql script into statements the way psql does, byte by byte: quotes, {@code E''} strings, dollar quotes,
 * nested comments, parentheses, {@code BEGIN ATOMIC ... END} bodies, and the data of {@code COPY ... FROM stdin} up
 * to its {@code \.} line, so that nothing inside a function body, a string or table data is ever taken for a
 * statement. It reports what it finds to a {@link Listener}, every byte in order. It works on bytes: every server
 * encoding keeps ASCII bytes for ASCII characters.
 */
final class SqlScanner {
    static final int MAX_META_LINE = 4096;
    private static final int LITERAL_PREFIX = 16;

    /** What the scanner finds, in the order of the input. */
    interface Listener {
        /** A byte of SQL text, whitespace or comment, or the line break ending a meta-command. */
        void onByte(int b) throws IOException;

        /** A byte of {@code COPY} data. */
        void onCopyData(int b) throws IOException;

        /** Called before the first byte of a statement. */
        void onStatementStart();

        /** A token of the current statement, once complete (before the byte that ended it). */
        void onToken(Token token) throws IOException;

        /** Called after the last byte of a statement (its semicolon), or at the end of the input. */
        void onStatementEnd() throws IOException;

        /** A backslash command between statements, without its line break. */
        void onMetaCommand(String line);

        /** A backslash within a statement, which psql would take for a meta-command. */
        void onMetaCommandInStatement();
    }

    private enum Lex {
        NORMAL, WORD, DASH, SLASH, LINE_COMMENT, BLOCK_COMMENT, QUOTE, QUOTE_END, DOUBLE_QUOTE, DOUBLE_QUOTE_END,
        DOLLAR_TAG, DOLLAR_BODY, META, COPY_DATA
    }

    private final Listener listener;
    private Lex lex = Lex.NORMAL;
    private long line = 1;
    private boolean standardStrings = true;

    private boolean inStatement;
    private Token firstToken;
    private Token lastToken;
    private boolean copyFromStdin;
    private boolean setsStandardStrings;
    private boolean copyStartsAfterLine;
    private int parenDepth;
    private int beginDepth;
    private int identifierCount;
    private final char[] identifiers = new char[4];

    private final StringBuilder word = new StringBuilder();
    private final StringBuilder literal = new StringBuilder();
    private final StringBuilder dollarTag = new StringBuilder();
    private byte[] dollarClose;
    private int dollarMatched;
    private boolean escapes;
    private boolean escapeNext;
    private int commentDepth;
    private int previous;
    private final ByteArrayOutputStream metaLine = new ByteArrayOutputStream();
    private int copyLineState;

    SqlScanner(Listener listener) {
        this.listener = listener;
    }

    /** The line being scanned, from 1. */
    long line() {
        return line;
    }

    void scan(int b) throws IOException {
        switch (lex) {
            case COPY_DATA -> copyData(b);
            case META -> meta(b);
            case LINE_COMMENT -> {
                listener.onByte(b);
                if (b == '\n') {
                    lex = Lex.NORMAL;
                }
            }
            case BLOCK_COMMENT -> blockComment(b);
            case QUOTE -> quote(b);
            case QUOTE_END -> closeOrContinue(b, '\'', Lex.QUOTE, Token.Kind.LITERAL);
            case DOUBLE_QUOTE -> {
                listener.onByte(b);
                if (b == '"') {
                    lex = Lex.DOUBLE_QUOTE_END;
                }
            }
            case DOUBLE_QUOTE_END -> closeOrContinue(b, '"', Lex.DOUBLE_QUOTE, Token.Kind.QUOTED_IDENTIFIER);
            case DOLLAR_TAG -> dollarTag(b);
            case DOLLAR_BODY -> dollarBody(b);
            case DASH -> commentOrSymbol(b, '-', '-', Lex.LINE_COMMENT);
            case SLASH -> commentOrSymbol(b, '/', '*', Lex.BLOCK_COMMENT);
            case WORD -> word(b);
            case NORMAL -> normal(b);
        }
        if (b == '\n') {
            line++;
        }
    }

    /** Ends the input: what is pending is completed, and an unterminated last statement ends here. */
    void finish() throws IOException {
        switch (lex) {
            case WORD -> endWord();
            case DASH -> symbol('-');
            case SLASH -> symbol('/');
            case QUOTE_END -> token(Token.Kind.LITERAL, literal.toString());
            case DOUBLE_QUOTE_END -> token(Token.Kind.QUOTED_IDENTIFIER, "");
            case META -> listener.onMetaCommand(metaLine.toString(StandardCharsets.ISO_8859_1));
            default -> {
                // nothing is pending in the other states
            }
        }
        lex = Lex.NORMAL;
        if (inStatement) {
            endStatement();
        }
    }

    private void normal(int b) throws IOException {
        switch (b) {
            case ' ', '\t', '\r', '\f' -> listener.onByte(b);
            case '\n' -> {
                listener.onByte(b);
                if (copyStartsAfterLine && !inStatement) {
                    copyStartsAfterLine = false;
                    lex = Lex.COPY_DATA;
                    copyLineState = 0;
                }
            }
            case '-' -> lex = Lex.DASH;
            case '/' -> lex = Lex.SLASH;
            case '\\' -> {
                if (inStatement) {
                    listener.onMetaCommandInStatement();
                }
                lex = Lex.META;
                metaLine.reset();
                metaLine.write(b);
            }
            case ';' -> {
                startStatement();
                listener.onByte(b);
                if (parenDepth == 0 && beginDepth == 0) {
                    endStatement();
                } else {
                    token(Token.Kind.SYMBOL, ";");
                }
            }
            case '\'' -> {
                startStatement();
                listener.onByte(b);
                startQuote(!standardStrings);
            }
            case '"' -> {
                startStatement();
                listener.onByte(b);
                lex = Lex.DOUBLE_QUOTE;
            }
            case '$' -> {
                startStatement();
                listener.onByte(b);
                dollarTag.setLength(0);
                lex = Lex.DOLLAR_TAG;
            }
            default -> {
                startStatement();
                if (isWordStart(b) || isDigit(b)) {
                    word.setLength(0);
                    word.append((char) b);
                    listener.onByte(b);
                    lex = Lex.WORD;
                } else {
                    if (b == '(') {
                        parenDepth++;
                    } else if (b == ')' && parenDepth > 0) {
                        parenDepth--;
                    }
                    symbol(b);
                }
            }
        }
    }

    private void word(int b) throws IOException {
        if (isWordPart(b)) {
            word.append((char) b);
            listener.onByte(b);
        } else if (b == '\'' && word.length() == 1 && (word.charAt(0) == 'e' || word.charAt(0) == 'E')) {
            word.setLength(0);
            listener.onByte(b);
            startQuote(true);
        } else {
            endWord();
            lex = Lex.NORMAL;
            normal(b);
        }
    }

    private void commentOrSymbol(int b, int first, int second, Lex comment) throws IOException {
        lex = Lex.NORMAL;
        if (b != second) {
            symbol(first);
            normal(b);
            return;
        }
        lex = comment;
        commentDepth = 1;
        previous = 0;
        listener.onByte(first);
        listener.onByte(second);
    }

    private void closeOrContinue(int b, int quote, Lex inside, Token.Kind kind) throws IOException {
        if (b == quote) {
            listener.onByte(b);
            lex = inside;
        } else {
            token(kind, kind == Token.Kind.LITERAL ? literal.toString() : "");
            lex = Lex.NORMAL;
            normal(b);
        }
    }

    private void startQuote(boolean withEscapes) {
        literal.setLength(0);
        escapes = withEscapes;
        escapeNext = false;
        lex = Lex.QUOTE;
    }

    private void quote(int b) throws IOException {
        listener.onByte(b);
        if (escapeNext) {
            escapeNext = false;
        } else if (escapes && b == '\\') {
            escapeNext = true;
            return;
        } else if (b == '\'') {
            lex = Lex.QUOTE_END;
            return;
        }
        if (literal.length() < LITERAL_PREFIX) {
            literal.append(Character.toLowerCase((char) b));
        }
    }

    private void blockComment(int b) throws IOException {
        listener.onByte(b);
        if (previous == '/' && b == '*') {
            commentDepth++;
            previous = 0;
        } else if (previous == '*' && b == '/') {
            commentDepth--;
            previous = 0;
            if (commentDepth == 0) {
                lex = Lex.NORMAL;
            }
        } else {
            previous = b;
        }
    }

    private void dollarTag(int b) throws IOException {
        if (b == '$') {
            listener.onByte(b);
            dollarClose = ("$" + dollarTag + "$").getBytes(StandardCharsets.ISO_8859_1);
            dollarMatched = 0;
            lex = Lex.DOLLAR_BODY;
        } else if (isWordStart(b) || (isDigit(b) && dollarTag.length() > 0)) {
            listener.onByte(b);
            dollarTag.append((char) b);
        } else {
            token(Token.Kind.SYMBOL, "$");
            lex = Lex.NORMAL;
            normal(b);
        }
    }

    private void dollarBody(int b) throws IOException {
        listener.onByte(b);
        if (b == (dollarClose[dollarMatched] & 0xff)) {
            dollarMatched++;
            if (dollarMatched == dollarClose.length) {
                lex = Lex.NORMAL;
                token(Token.Kind.LITERAL, "$");
            }
        } else {
            dollarMatched = b == '$' ? 1 : 0;
        }
    }

    private void copyData(int b) throws IOException {
        listener.onCopyData(b);
        copyLineState = switch (copyLineState) {
            case 0 -> b == '\\' ? 1 : b == '\n' ? 0 : -1;
            case 1 -> b == '.' ? 2 : b == '\n' ? 0 : -1;
            case 2 -> b == '\n' ? endCopy() : b == '\r' ? 3 : -1;
            case 3 -> b == '\n' ? endCopy() : -1;
            default -> b == '\n' ? 0 : -1;
        };
    }

    private int endCopy() {
        lex = Lex.NORMAL;
        return 0;
    }

    private void meta(int b) throws IOException {
        if (b == '\n') {
            listener.onMetaCommand(metaLine.toString(StandardCharsets.ISO_8859_1));
            lex = Lex.NORMAL;
            listener.onByte(b);
            return;
        }
        if (metaLine.size() < MAX_META_LINE) {
            metaLine.write(b);
        }
    }

    private void startStatement() {
        if (inStatement) {
            return;
        }
        inStatement = true;
        firstToken = null;
        lastToken = null;
        copyFromStdin = false;
        setsStandardStrings = false;
        parenDepth = 0;
        beginDepth = 0;
        identifierCount = 0;
        Arrays.fill(identifiers, (char) 0);
        listener.onStatementStart();
    }

    private void endStatement() throws IOException {
        inStatement = false;
        listener.onStatementEnd();
        if (setsStandardStrings && lastToken != null) {
            String value = lastToken.text().toLowerCase(Locale.ROOT);
            standardStrings = !value.equals("off") && !value.equals("false");
        }
        copyStartsAfterLine = copyFromStdin;
    }

    private void endWord() throws IOException {
        String text = word.toString().toUpperCase(Locale.ROOT);
        word.setLength(0);
        if (isDigit(text.charAt(0))) {
            token(Token.Kind.NUMBER, text);
            return;
        }
        trackFunctionBody(text);
        token(Token.Kind.WORD, text);
    }

    private void symbol(int b) throws IOException {
        startStatement();
        listener.onByte(b);
        token(Token.Kind.SYMBOL, String.valueOf((char) b));
    }

    private void token(Token.Kind kind, String text) throws IOException {
        Token token = new Token(kind, text);
        if (firstToken == null) {
            firstToken = token;
        } else if (firstToken.is("COPY") && token.is("STDIN") && lastToken.is("FROM")) {
            copyFromStdin = true;
        } else if (firstToken.is("SET") && lastToken == firstToken && token.is("STANDARD_CONFORMING_STRINGS")) {
            setsStandardStrings = true;
        }
        lastToken = token;
        listener.onToken(token);
    }

    /**
     * psql's rule for SQL-standard function bodies: in {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, outside
     * parentheses, {@code BEGIN} opens a block that {@code END} closes ({@code CASE} nests inside one), and a semicolon
     * within it does not end the statement.
     */
    private void trackFunctionBody(String text) {
        if (identifierCount < identifiers.length) {
            identifiers[identifierCount] = switch (text) {
                case "CREATE", "FUNCTION", "PROCEDURE", "OR", "REPLACE" -> Character.toLowerCase(text.charAt(0));
                default -> 0;
            };
        }
        identifierCount++;
        boolean routine = identifiers[0] == 'c' && (identifiers[1] == 'f' || identifiers[1] == 'p'
                || identifiers[1] == 'o' && identifiers[2] == 'r' && (identifiers[3] == 'f' || identifiers[3] == 'p'));
        if (!routine || parenDepth != 0) {
            return;
        }
        switch (text) {
            case "BEGIN" -> beginDepth++;
            case "CASE" -> beginDepth += beginDepth > 0 ? 1 : 0;
            case "END" -> beginDepth -= beginDepth > 0 ? 1 : 0;
            default -> {
                // other words do not open or close blocks
            }
        }
    }

    private static boolean isWordStart(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b >= 0x80;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isWordPart(int b) {
        return isWordStart(b) || isDigit(b) || b == '$';
    }
}
