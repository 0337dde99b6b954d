package com.architectbot.licence.source;

import com.architectbot.licence.PackageRef;
import com.architectbot.licence.release.OwnFiles;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven artifact's own {@code META-INF/LICENSE*} and {@code META-INF/NOTICE*}, from its jar in the configured
 * repository, read with HTTP Range requests (Maven Central honours them) so that a 50 MB jar costs a few
 * kilobytes. A server that ignores Range sends the whole jar: it is read when within
 * {@link ArchiveLimits#maxArchiveBytes()}, else the files are reported unavailable.
 */
final class MavenJarFiles {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final RegistryHttp http;
    private final URI base;
    private final ArchiveLimits limits;

    MavenJarFiles(RegistryHttp http, URI base, ArchiveLimits limits) {
        this.http = http;
        this.base = base;
        this.limits = limits;
    }

    OwnFiles read(PackageRef pkg) {
        if (pkg.namespace() == null) {
            return new OwnFiles.Unavailable("a Maven package needs a groupId: " + pkg.name());
        }
        URI jar = MavenRegistry.artifactUri(base, pkg, ".jar");
        return switch (http.getBytes(jar, "bytes=-" + JarFiles.MAX_TAIL, limits.maxArchiveBytes())) {
            case RegistryHttp.Answer.Read<byte[]> ok -> {
                try {
                    yield JarFiles.read(ranges(jar, ok), limits);
                } catch (UnreadableArchive e) {
                    yield new OwnFiles.Unavailable(e.getMessage());
                }
            }
            case RegistryHttp.Answer.NotFound<byte[]> notFound ->
                new OwnFiles.Unavailable("no jar in the " + MavenRegistry.NAME);
            case RegistryHttp.Answer.NotModified<byte[]> notModified ->
                new OwnFiles.Unavailable("the repository answered 304 to an unconditional request");
            case RegistryHttp.Answer.Failed<byte[]> failed ->
                new OwnFiles.Unavailable("the jar could not be read: " + failed.reason());
        };
    }

    /** The jar in memory when the server sent it whole; else ranges of it, the tail already in hand. */
    private ByteRanges ranges(URI jar, RegistryHttp.Answer.Read<byte[]> first) {
        if (first.status() != 206) {
            return ByteRanges.inMemory(first.value());
        }
        Matcher range = CONTENT_RANGE.matcher(
                first.headers().firstValue("Content-Range").orElse(""));
        if (!range.matches()) {
            throw new UnreadableArchive("the repository answered a range without a usable Content-Range");
        }
        long total = Long.parseLong(range.group(3));
        long start = Long.parseLong(range.group(1));
        if (start + first.value().length != total) {
            throw new UnreadableArchive("the repository's answer to the range does not match its Content-Range");
        }
        return new HttpRanges(jar, total, start, first.value());
    }

    /** Ranges of the jar on the server; the tail of it, already fetched, is served from memory. */
    private final class HttpRanges implements ByteRanges {
        private final URI jar;
        private final long size;
        private final long tailStart;
        private final byte[] tail;

        HttpRanges(URI jar, long size, long tailStart, byte[] tail) {
            this.jar = jar;
            this.size = size;
            this.tailStart = tailStart;
            this.tail = tail;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] read(long offset, int length) {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new UnreadableArchive("a part the jar points at lies outside it");
            }
            if (offset >= tailStart) {
                return ByteRanges.inMemory(tail).read(offset - tailStart, length);
            }
            if (length == 0) {
                return new byte[0];
            }
            String range = "bytes=" + offset + "-" + (offset + length - 1);
            return switch (http.getBytes(jar, range, length)) {
                case RegistryHttp.Answer.Read<byte[]> ok
                when ok.status() == 206 && ok.value().length == length -> ok.value();
                case RegistryHttp.Answer.Read<byte[]> ok ->
                    throw new UnreadableArchive("the repository answered a range of the jar with something else");
                case RegistryHttp.Answer.NotModified<byte[]> notModified ->
                    throw new UnreadableArchive("the repository answered a range of the jar with something else");
                case RegistryHttp.Answer.NotFound<byte[]> notFound ->
                    throw new UnreadableArchive("the jar went missing while it was read");
                case RegistryHttp.Answer.Failed<byte[]> failed ->
                    throw new UnreadableArchive("a range of the jar could not be read: " + failed.reason());
            };
        }
    }
}
