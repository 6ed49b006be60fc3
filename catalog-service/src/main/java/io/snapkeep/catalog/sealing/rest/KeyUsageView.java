package io.snapkeep.catalog.sealing.rest;

import java.util.List;

/**
 * The archive keys: the active one, the ids the keyring holds (never a key), and how many snapshots each key id
 * wraps the data keys of; an id with no snapshot left can be removed from the keyring.
 */
public record KeyUsageView(String activeKey, List<String> configured, List<Usage> snapshots) {

    public record Usage(String keyId, long snapshots) {
    }
}
