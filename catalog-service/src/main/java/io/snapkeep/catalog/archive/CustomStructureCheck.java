package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.snapkeep.catalog.service.CatalogException;

/**
 * Walks a custom-format archive (archive versions 1.12 to 1.16) as it streams past, once, without inflating anything:
 * the header, every table-of-contents entry field by field (as pg_dump's {@code WriteToc} writes them), then every data
 * block to the end: its type and dump id, its chunks ({@code [int length][bytes]} up to a zero length), for a large
 * objects block each object's oid and chunks up to oid 0. Each block must belong to a TOC entry with data, once, at
 * the offset the TOC gives when it gives one; every such entry must have its block; nothing may follow the last one.
 * Memory: one small field buffer and the dump ids of the entries with data.
 */
final class CustomStructureCheck implements ArchiveCheck {
    static final int OLDEST_MINOR = 12;
    static final int NEWEST_MINOR = 16;
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final int BLK_DATA = 1;
    private static final int BLK_BLOBS = 3;
    private static final int OFFSET_POS_NOT_SET = 1;
    private static final int OFFSET_POS_SET = 2;
    private static final int OFFSET_NO_DATA = 3;
    private static final int HEADER_INTS = 7;
    private static final int HEADER_STRINGS = 3;

    private enum Part { MAGIC, VERSION, SIZES, COMPRESSION, HEADER_INT, HEADER_STRING, TOC_COUNT, ENTRY, BLOCK_TYPE,
        BLOCK_ID, CHUNK_LENGTH, BLOB_OID }

    /** The fields of a TOC entry, in the order they are written. */
    private enum Field { DUMP_ID, HAD_DUMPER, STRING, SECTION, INT, DEPENDENCY, DATA_OFFSET }

    private final byte[] field = new byte[1 + 8 + 8];
    private final Map<Integer, Long> awaited = new HashMap<>();
    private final Set<Integer> withData = new HashSet<>();
    private Part part = Part.MAGIC;
    private int need = MAGIC.length;
    private int have;
    private long skip;
    private long offset;
    private int minor;
    private int intSize;
    private int offSize;
    private Field[] layout;
    private int fieldIndex;
    private long countLeft;
    private long entries;
    private int entryId;
    private boolean entryHasData;
    private int blockType;
    private int blockId;
    private long blockStart;
    private boolean inBlob;

    /** Whether this walk reads archives of the version {@link ArchiveInfo#archiveVersion()} gives, e.g. {@code 1.14-0}. */
    static boolean reads(String archiveVersion) {
        if (archiveVersion == null || !archiveVersion.startsWith("1.")) {
            return false;
        }
        try {
            int m = Integer.parseInt(archiveVersion.substring(2).split("-", 2)[0]);
            return m >= OLDEST_MINOR && m <= NEWEST_MINOR;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void accept(byte[] bytes, int start, int length) {
        int position = start;
        int end = start + length;
        while (position < end) {
            if (skip > 0) {
                int n = (int) Math.min(skip, end - position);
                skip -= n;
                position += n;
                offset += n;
                continue;
            }
            if (part == Part.BLOCK_TYPE && have == 0 && awaited.isEmpty()) {
                throw ArchiveRefusal.of("The custom-format archive goes on after its last data block (at byte " + offset
                        + "): it holds bytes pg_dump does not write.");
            }
            int n = Math.min(need - have, end - position);
            System.arraycopy(bytes, position, field, have, n);
            have += n;
            position += n;
            offset += n;
            if (have == need) {
                have = 0;
                read();
            }
        }
    }

    @Override
    public void finish() {
        if (skip > 0 || have > 0 || part != Part.BLOCK_TYPE) {
            throw ArchiveRefusal.of("The custom-format archive ends inside " + where() + " after " + offset
                    + " bytes: it is truncated.");
        }
        if (!awaited.isEmpty()) {
            int first = awaited.keySet().stream().min(Integer::compare).orElseThrow();
            throw ArchiveRefusal.of("The custom-format archive ends after " + offset + " bytes without the data of "
                    + awaited.size() + " of its table of contents entries (the first: dump id " + first
                    + "): it is truncated.");
        }
    }

    @Override
    public void abort() {
        // holds nothing
    }

    private String where() {
        return switch (part) {
            case MAGIC, VERSION, SIZES, COMPRESSION, HEADER_INT, HEADER_STRING -> "its header";
            case TOC_COUNT -> skip > 0 ? "its header" : "its table of contents";
            case ENTRY -> "its table of contents (entry " + (entries - countLeft + 1) + " of " + entries + ")";
            case BLOCK_TYPE, BLOCK_ID -> "a data block header";
            case CHUNK_LENGTH -> (inBlob ? "a large object" : "a data chunk") + " of dump id " + blockId;
            case BLOB_OID -> "the large objects of dump id " + blockId;
        };
    }

    private void read() {
        switch (part) {
            case MAGIC -> magic();
            case VERSION -> version();
            case SIZES -> sizes();
            case COMPRESSION -> next(Part.HEADER_INT, HEADER_INTS);
            case HEADER_INT -> {
                if (--countLeft == 0) {
                    next(Part.HEADER_STRING, HEADER_STRINGS);
                }
            }
            case HEADER_STRING -> {
                skipString("its header");
                if (--countLeft == 0) {
                    next(Part.TOC_COUNT, 1);
                }
            }
            case TOC_COUNT -> tocCount();
            case ENTRY -> entryField();
            case BLOCK_TYPE -> blockType();
            case BLOCK_ID -> blockId();
            case CHUNK_LENGTH -> chunkLength();
            case BLOB_OID -> blobOid();
        }
    }

    private void magic() {
        for (int i = 0; i < MAGIC.length; i++) {
            if (field[i] != MAGIC[i]) {
                throw damaged("it does not start with PGDMP", 0);
            }
        }
        expect(Part.VERSION, 3);
    }

    private void version() {
        int major = field[0] & 0xff;
        minor = field[1] & 0xff;
        if (major != 1 || minor < OLDEST_MINOR || minor > NEWEST_MINOR) {
            throw ArchiveRefusal.of("The custom-format archive has archive version " + major + "." + minor
                    + ", which the structure check does not read (1." + OLDEST_MINOR + " to 1." + NEWEST_MINOR
                    + "); set snapkeep.upload.check=pg-restore to check such archives with pg_restore.");
        }
        expect(Part.SIZES, 3);
    }

    private void sizes() {
        intSize = field[0] & 0xff;
        offSize = field[1] & 0xff;
        if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 8) {
            throw damaged("its header gives integers of " + intSize + " and offsets of " + offSize + " bytes", 8);
        }
        if ((field[2] & 0xff) != CustomHeader.FORMAT_CUSTOM) {
            throw damaged("its header names format code " + (field[2] & 0xff) + " where custom is 1", 10);
        }
        expect(Part.COMPRESSION, minor >= 15 ? 1 : intWidth());
    }

    private void tocCount() {
        long count = readInt();
        if (count < 0) {
            throw damaged("its table of contents has " + count + " entries", offset - intWidth());
        }
        layout = layout(minor);
        entries = count;
        countLeft = count;
        if (count == 0) {
            expect(Part.BLOCK_TYPE, 1);
        } else {
            startEntry();
        }
    }

    /** The entry fields pg_dump writes for archive version 1.{@code minor}. */
    private static Field[] layout(int minor) {
        List<Field> fields = new ArrayList<>(List.of(Field.DUMP_ID, Field.HAD_DUMPER,
                Field.STRING /* table oid */, Field.STRING /* oid */, Field.STRING /* tag */,
                Field.STRING /* desc */, Field.SECTION, Field.STRING /* defn */, Field.STRING /* drop */,
                Field.STRING /* copy */, Field.STRING /* namespace */, Field.STRING /* tablespace */));
        if (minor >= 14) {
            fields.add(Field.STRING); // table access method
        }
        if (minor >= 16) {
            fields.add(Field.INT); // relkind
        }
        fields.addAll(List.of(Field.STRING /* owner */, Field.STRING /* with oids */, Field.DEPENDENCY,
                Field.DATA_OFFSET));
        return fields.toArray(Field[]::new);
    }

    private void startEntry() {
        fieldIndex = 0;
        expect(Part.ENTRY, intWidth());
    }

    private void entryField() {
        long at = offset - need;
        switch (layout[fieldIndex]) {
            case DUMP_ID -> {
                long id = readInt();
                if (id <= 0 || id > Integer.MAX_VALUE) {
                    throw damaged("a table of contents entry has dump id " + id, at);
                }
                entryId = (int) id;
            }
            case HAD_DUMPER -> entryHasData = readInt() != 0;
            case SECTION -> {
                long section = readInt();
                if (section < 1 || section > 4) {
                    throw damaged("the table of contents entry of dump id " + entryId + " names section " + section,
                            at);
                }
            }
            case INT -> readInt();
            case STRING -> skipString("its table of contents");
            case DEPENDENCY -> {
                if (!skipString("its table of contents")) {
                    expect(Part.ENTRY, intWidth());
                    return;
                }
            }
            case DATA_OFFSET -> {
                dataOffset(at);
                return;
            }
        }
        fieldIndex++;
        expect(Part.ENTRY, layout[fieldIndex] == Field.DATA_OFFSET ? 1 + offSize : intWidth());
    }

    private void dataOffset(long at) {
        int state = field[0] & 0xff;
        long position = 0;
        for (int i = 0; i < offSize; i++) {
            position |= (long) (field[1 + i] & 0xff) << (8 * i);
        }
        if (state != OFFSET_POS_NOT_SET && state != OFFSET_POS_SET && state != OFFSET_NO_DATA) {
            throw damaged("the table of contents entry of dump id " + entryId + " has data state " + state, at);
        }
        if (entryHasData) {
            if (!withData.add(entryId)) {
                throw damaged("its table of contents has two entries with data of dump id " + entryId, at);
            }
            awaited.put(entryId, state == OFFSET_POS_SET ? position : -1L);
        }
        if (--countLeft == 0) {
            expect(Part.BLOCK_TYPE, 1);
        } else {
            startEntry();
        }
    }

    private void blockType() {
        blockStart = offset - 1;
        blockType = field[0] & 0xff;
        if (blockType != BLK_DATA && blockType != BLK_BLOBS) {
            throw damaged("a data block has type " + blockType + " (pg_dump writes 1 for data, 3 for large objects)",
                    blockStart);
        }
        expect(Part.BLOCK_ID, intWidth());
    }

    private void blockId() {
        long id = readInt();
        Long expected = id > 0 && id <= Integer.MAX_VALUE ? awaited.remove((int) id) : null;
        if (expected == null) {
            throw damaged(withData.contains((int) id) ? "the data of dump id " + id + " comes a second time"
                    : "a data block names dump id " + id + ", which no table of contents entry with data has",
                    blockStart);
        }
        if (expected >= 0 && expected != blockStart) {
            throw damaged("the data block of dump id " + id + " is not where the table of contents puts it (byte "
                    + expected + ")", blockStart);
        }
        blockId = (int) id;
        inBlob = false;
        expect(blockType == BLK_DATA ? Part.CHUNK_LENGTH : Part.BLOB_OID, intWidth());
    }

    private void chunkLength() {
        long length = readInt();
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw damaged("a data chunk of dump id " + blockId + " has length " + length, offset - intWidth());
        }
        if (length > 0) {
            skip = length;
        } else if (blockType == BLK_BLOBS) {
            expect(Part.BLOB_OID, intWidth());
        } else {
            expect(Part.BLOCK_TYPE, 1);
        }
    }

    private void blobOid() {
        if (readInt() == 0) {
            expect(Part.BLOCK_TYPE, 1);
        } else {
            inBlob = true;
            expect(Part.CHUNK_LENGTH, intWidth());
        }
    }

    /** Reads the length of a string and skips its bytes. @return whether it was the null string */
    private boolean skipString(String within) {
        long length = readInt();
        if (length < -1) {
            throw damaged(within + " holds a string of length " + length, offset - intWidth());
        }
        skip = Math.max(length, 0);
        return length == -1;
    }

    private void next(Part next, long count) {
        countLeft = count;
        expect(next, intWidth());
    }

    private void expect(Part next, int bytes) {
        part = next;
        need = bytes;
    }

    private int intWidth() {
        return 1 + intSize;
    }

    /** A sign byte, then {@code intSize} bytes, least significant first. */
    private long readInt() {
        long value = 0;
        for (int i = 0; i < intSize; i++) {
            value |= (long) (field[1 + i] & 0xff) << (8 * i);
        }
        if (value < 0) {
            throw damaged("it holds an integer beyond 63 bits", offset - intWidth());
        }
        return field[0] != 0 ? -value : value;
    }

    private static CatalogException damaged(String what, long at) {
        return ArchiveRefusal.of("The custom-format archive is damaged: " + what + " (at byte " + at + ").");
    }
}
