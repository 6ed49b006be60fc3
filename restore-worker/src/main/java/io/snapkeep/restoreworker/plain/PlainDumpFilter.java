package io.snapkeep.restoreworker.plain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.snapkeep.restoreworker.RestoreFailure;

/**
 * Passes a plain-format {@code pg_dump} script on to {@code psql}, statement by statement ({@link SqlScanner}),
 * leaving out what {@link StatementRules} says must not reach the target, and every psql meta-command:
 * {@code \connect} (a dump made with {@code -C} would switch to the original database), <code>&#92;restrict</code>
 * and <code>&#92;unrestrict</code>. Any other meta-command ({@code \!}, {@code \o}, {@code \copy}, ...) is never
 * written by pg_dump and fails the restore, since psql would run it on this worker.
 * <p>
 * Memory stays bounded: a statement is held back only while undecided (its first tokens) or while it may be an
 * {@code ALTER ... OWNER TO} (at most {@value #MAX_HELD} bytes). A left-out statement is replaced by its line breaks,
 * so psql's line numbers in error messages are those of the archive.
 */
public final class PlainDumpFilter extends OutputStream implements SqlScanner.Listener {
    static final int MAX_HELD = 1 << 20;
    private static final int LAST_TOKENS = 3;
    private static final List<String> DROPPED_META_COMMANDS = List.of("connect", "c", "restrict", "unrestrict");

    private final ByteSink out;
    private final StatementRules rules;
    private final SqlScanner scanner = new SqlScanner(this);

    private boolean inStatement;
    private Verdict verdict;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final List<Token> first = new ArrayList<>();
    private final Deque<Token> last = new ArrayDeque<>();
    private boolean renames;

    public PlainDumpFilter(OutputStream out, boolean keepOwners, boolean singleTransaction) {
        this.out = new ByteSink(out);
        this.rules = new StatementRules(keepOwners, singleTransaction);
    }

    @Override
    public void write(int b) throws IOException {
        scanner.scan(b & 0xff);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            scanner.scan(bytes[i] & 0xff);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the script: the last statement is decided as if it ended with a semicolon, then psql's input closes. */
    @Override
    public void close() throws IOException {
        try {
            scanner.finish();
            out.flush();
        } finally {
            out.close();
        }
    }

    @Override
    public void onByte(int b) throws IOException {
        if (!inStatement) {
            out.write(b);
            return;
        }
        switch (verdict) {
            case KEEP -> out.write(b);
            case DROP -> {
                if (b == '\n') {
                    out.write(b);
                }
            }
            default -> hold(b);
        }
    }

    @Override
    public void onCopyData(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void onStatementStart() {
        inStatement = true;
        verdict = Verdict.UNDECIDED;
        held.reset();
        first.clear();
        last.clear();
        renames = false;
    }

    @Override
    public void onToken(Token token) throws IOException {
        if (first.size() < StatementRules.TOKENS_NEEDED) {
            first.add(token);
        }
        if (token.is("RENAME")) {
            renames = true;
        }
        last.addLast(token);
        if (last.size() > LAST_TOKENS) {
            last.removeFirst();
        }
        if (verdict == Verdict.UNDECIDED) {
            apply(rules.decide(first, false));
        }
    }

    @Override
    public void onStatementEnd() throws IOException {
        if (verdict == Verdict.UNDECIDED) {
            apply(rules.decide(first, true));
        }
        if (verdict == Verdict.HOLD_FOR_OWNER) {
            apply(StatementRules.isOwnerChange(List.copyOf(last), renames) ? Verdict.DROP : Verdict.KEEP);
        }
        held.reset();
        inStatement = false;
    }

    @Override
    public void onMetaCommand(String line) {
        String command = line.strip().substring(1).split("[\\s\\\\]", 2)[0];
        if (!DROPPED_META_COMMANDS.contains(command)) {
            String shown = command.length() > 20 ? command.substring(0, 20) + "..." : command;
            throw refused("the psql command \\" + shown.replaceAll("[^\\x21-\\x7e]", "?"));
        }
    }

    @Override
    public void onMetaCommandInStatement() {
        throw refused("a psql meta-command inside a statement");
    }

    private void hold(int b) throws IOException {
        held.write(b);
        if (held.size() <= MAX_HELD) {
            return;
        }
        if (verdict != Verdict.HOLD_FOR_OWNER) {
            throw refused("a statement whose first words are spread over more than " + MAX_HELD + " bytes");
        }
        apply(Verdict.KEEP);
    }

    private void apply(Verdict decided) throws IOException {
        switch (decided) {
            case KEEP -> {
                out.write(held.toByteArray());
                held.reset();
            }
            case DROP -> {
                for (byte b : held.toByteArray()) {
                    if (b == '\n') {
                        out.write(b);
                    }
                }
                held.reset();
            }
            case REJECT -> throw refused("a statement that only pg_dumpall writes (" + first.stream().limit(2)
                    .map(Token::text).reduce((a, b) -> a + " " + b).orElse("") + ")");
            default -> {
                // undecided or held: the bytes stay held
            }
        }
        verdict = decided;
    }

    private RestoreFailure refused(String what) {
        return new RestoreFailure("the plain SQL archive holds " + what + " at line " + scanner.line()
                + ", which pg_dump never writes: refusing to run it (is this file a pg_dump of one database?)");
    }
}
