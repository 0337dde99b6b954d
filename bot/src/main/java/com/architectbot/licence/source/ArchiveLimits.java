package com.architectbot.licence.source;

/**
 * How much of a package archive the notices may read, so that a hostile archive (a gzip bomb, a 100 MB
 * "LICENSE", a jar whose directory lies) costs a bounded amount of memory and time.
 *
 * @param maxArchiveBytes the largest tarball fetched, or jar read whole when the server ignores Range
 * @param maxUnpackedBytes the most a tarball may unpack to while its root is searched
 * @param maxFileBytes the most of one LICENSE/NOTICE kept; the rest is cut
 * @param maxFiles the most licence and notice files kept per package
 * @param maxEntries the most archive entries looked at
 */
record ArchiveLimits(int maxArchiveBytes, long maxUnpackedBytes, int maxFileBytes, int maxFiles, int maxEntries) {

    static final ArchiveLimits DEFAULTS = new ArchiveLimits(16 * 1024 * 1024, 64L * 1024 * 1024, 64 * 1024, 8, 50_000);

    ArchiveLimits {
        if (maxArchiveBytes < 1 || maxUnpackedBytes < 1 || maxFileBytes < 1 || maxFiles < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
