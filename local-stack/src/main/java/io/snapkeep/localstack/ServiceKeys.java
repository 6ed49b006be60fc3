package io.snapkeep.localstack;

/**
 * The secrets the services share: the key sealing instance passwords and the key signing job messages and events
 * (catalog and workers, base64), the catalog's bootstrap admin token, and the scheduler's API token (given to the
 * catalog to register and to the scheduler to call with), and the archive keyring ({@code id:base64} entries) that
 * seals archives at rest (catalog and workers).
 */
public record ServiceKeys(String cryptoKey, String signingKey, String adminToken, String schedulerToken,
        String archiveKeys) {

    /** New random keys, e.g. for a test run. */
    public static ServiceKeys random() {
        return new ServiceKeys(Secrets.base64Key(32), Secrets.base64Key(32), Secrets.apiToken(), Secrets.apiToken(),
                archiveKeyring());
    }

    /** A new archive keyring of one key, {@code k1}, in the form of {@code snapkeep.archive.keys}. */
    public static String archiveKeyring() {
        return "k1:" + Secrets.base64Key(32);
    }
}
