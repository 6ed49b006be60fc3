package io.snapkeep.restoreworker.plain;

import java.util.List;
import java.util.Set;

/**
 * Which statements of a plain dump reach the target, decided from their first tokens:
 * <ul>
 * <li>always left out: what names the database the dump was taken from ({@code CREATE DATABASE},
 * {@code DROP DATABASE}, {@code ALTER DATABASE}, {@code COMMENT ON DATABASE}, {@code SECURITY LABEL ... ON DATABASE},
 * {@code ALTER ROLE ... IN DATABASE}): a dump made with {@code -C} must not create, drop or change another
 * database;</li>
 * <li>left out unless owners are kept (the equivalent of {@code pg_restore --no-owner --no-privileges}):
 * {@code ALTER ... OWNER TO}, {@code GRANT}, {@code REVOKE}, {@code ALTER DEFAULT PRIVILEGES},
 * {@code SET/RESET SESSION AUTHORIZATION}, {@code SET/RESET ROLE};</li>
 * <li>left out in single-transaction mode: the dump's own transaction control ({@code BEGIN}, {@code COMMIT} around
 * large objects), which would end the enclosing transaction early;</li>
 * <li>refused: role and tablespace definitions, which only {@code pg_dumpall} writes.</li>
 * </ul>
 */
final class StatementRules {
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "END", "START", "ROLLBACK",
            "ABORT");
    private static final Set<String> CLUSTER_OBJECTS = Set.of("ROLE", "USER", "GROUP", "TABLESPACE");
    static final int TOKENS_NEEDED = 6;

    private final boolean keepOwners;
    private final boolean singleTransaction;

    StatementRules(boolean keepOwners, boolean singleTransaction) {
        this.keepOwners = keepOwners;
        this.singleTransaction = singleTransaction;
    }

    /**
     * @param first the statement's first tokens (up to {@link #TOKENS_NEEDED})
     * @param complete whether the statement ended: missing tokens then count as absent rather than unknown
     */
    Verdict decide(List<Token> first, boolean complete) {
        Lookup t = new Lookup(first, complete);
        String head = t.word(0);
        if (head == null) {
            return t.undecided();
        }
        return switch (head) {
            case "GRANT", "REVOKE" -> owners();
            case "ALTER" -> alter(t);
            case "SET", "RESET" -> set(t);
            case "CREATE", "DROP" -> createOrDrop(t);
            case "COMMENT" -> t.known(2) ? dropIf(t.is(1, "ON") && t.is(2, "DATABASE")) : t.undecided();
            case "SECURITY" -> securityLabel(t);
            default -> TRANSACTION_CONTROL.contains(head) && singleTransaction ? Verdict.DROP : Verdict.KEEP;
        };
    }

    /** Whether a held statement is {@code ALTER <kind> <name> OWNER TO <role>}. */
    static boolean isOwnerChange(List<Token> last, boolean renames) {
        int n = last.size();
        return !renames && n >= 3 && last.get(n - 3).is("OWNER") && last.get(n - 2).is("TO")
                && last.get(n - 1).isName();
    }

    private Verdict alter(Lookup t) {
        if (!t.known(1)) {
            return t.undecided();
        }
        String what = t.wordOrEmpty(1);
        if (what.equals("DATABASE")) {
            return Verdict.DROP;
        }
        if (what.equals("DEFAULT")) {
            return owners();
        }
        if (Set.of("ROLE", "USER", "GROUP").contains(what)) {
            if (!t.known(4)) {
                return t.undecided();
            }
            return t.is(3, "IN") && t.is(4, "DATABASE") ? Verdict.DROP : Verdict.REJECT;
        }
        return keepOwners ? Verdict.KEEP : Verdict.HOLD_FOR_OWNER;
    }

    private Verdict set(Lookup t) {
        if (!t.known(1)) {
            return t.undecided();
        }
        if (t.is(1, "ROLE")) {
            return owners();
        }
        if (t.is(1, "SESSION")) {
            return t.known(2) ? (t.is(2, "AUTHORIZATION") ? owners() : Verdict.KEEP) : t.undecided();
        }
        return Verdict.KEEP;
    }

    private static Verdict createOrDrop(Lookup t) {
        if (!t.known(1)) {
            return t.undecided();
        }
        if (t.is(1, "DATABASE")) {
            return Verdict.DROP;
        }
        return CLUSTER_OBJECTS.contains(t.wordOrEmpty(1)) ? Verdict.REJECT : Verdict.KEEP;
    }

    private static Verdict securityLabel(Lookup t) {
        if (!t.known(2)) {
            return t.undecided();
        }
        if (!t.is(1, "LABEL")) {
            return Verdict.KEEP;
        }
        if (t.is(2, "ON")) {
            return t.known(3) ? dropIf(t.is(3, "DATABASE")) : t.undecided();
        }
        if (t.is(2, "FOR")) {
            return t.known(5) ? dropIf(t.is(4, "ON") && t.is(5, "DATABASE")) : t.undecided();
        }
        return Verdict.KEEP;
    }

    private Verdict owners() {
        return keepOwners ? Verdict.KEEP : Verdict.DROP;
    }

    private static Verdict dropIf(boolean condition) {
        return condition ? Verdict.DROP : Verdict.KEEP;
    }

    /** Positional access to the first tokens; a position past the end is "unknown" until the statement ended. */
    private record Lookup(List<Token> tokens, boolean complete) {

        boolean known(int index) {
            return index < tokens.size() || complete;
        }

        String word(int index) {
            if (index >= tokens.size()) {
                return complete ? "" : null;
            }
            Token token = tokens.get(index);
            return token.kind() == Token.Kind.WORD ? token.text() : "";
        }

        String wordOrEmpty(int index) {
            String word = word(index);
            return word == null ? "" : word;
        }

        boolean is(int index, String expected) {
            return expected.equals(word(index));
        }

        Verdict undecided() {
            return complete ? Verdict.KEEP : Verdict.UNDECIDED;
        }
    }
}
