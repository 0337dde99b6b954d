package com.architectbot.licence.source;

import java.util.Arrays;

/** Parts of a file of known size: fetched with HTTP Range requests, or cut from a copy already in memory. */
interface ByteRanges {

    long size();

    /**
     * Exactly {@code length} bytes from {@code offset}.
     *
     * @throws UnreadableArchive when the range lies outside the file or cannot be fetched
     */
    byte[] read(long offset, int length);

    /** A file read whole. */
    static ByteRanges inMemory(byte[] bytes) {
        return new ByteRanges() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                if (offset < 0 || length < 0 || offset + length > bytes.length) {
                    throw new UnreadableArchive("a part it points at lies outside the file");
                }
                return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
            }
        };
    }
}
